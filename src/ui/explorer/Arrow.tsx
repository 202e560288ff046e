/** One vector of the plane drawn from a start point (the origin by default), with its head and label. */
import type { Vec2 } from '../../state/explorer/geometry';
import { arrowHead, type Frame } from './frame';

export interface ArrowProps {
  frame: Frame;
  to: Vec2;
  from?: Vec2;
  color: string;
  width?: number;
  dashed?: boolean;
  label?: string;
  /** Drawn lighter (a construction's helper, or a method not in focus). */
  faint?: boolean;
  /** How far beyond the tip the label sits, in SVG units (clear of a handle drawn there). */
  labelOffset?: number;
}

export function Arrow({
  frame,
  to,
  from = [0, 0],
  color,
  width = 2,
  dashed,
  label,
  faint,
  labelOffset = 12,
}: ArrowProps) {
  const tail = frame.toSvg(from);
  const tip = frame.toSvg(to);
  const head = arrowHead(tail, tip, 6 + width * 2);
  const length = Math.hypot(tip[0] - tail[0], tip[1] - tail[1]);
  // The label sits just beyond the tip, along the arrow.
  const along = length > 1e-6 ? [(tip[0] - tail[0]) / length, (tip[1] - tail[1]) / length] : [0, -1];
  return (
    <g className={faint ? 'explorer-faint' : undefined}>
      <line
        x1={tail[0]}
        y1={tail[1]}
        x2={tip[0]}
        y2={tip[1]}
        stroke={color}
        strokeWidth={width}
        strokeDasharray={dashed ? '5 4' : undefined}
        strokeLinecap="round"
      />
      {head ? <polygon points={head} fill={color} /> : null}
      {label ? (
        <text
          className="explorer-arrow-label"
          x={tip[0] + (along[0] ?? 0) * labelOffset}
          y={tip[1] + (along[1] ?? 0) * labelOffset}
          fill={color}
          textAnchor="middle"
          dominantBaseline="middle"
        >
          {label}
        </text>
      ) : null}
    </g>
  );
}
