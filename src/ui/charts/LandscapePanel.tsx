/** One panel of the landscape view: contours with θ axes, the marked segment, trajectories and starts. */
import { useId } from 'react';
import type { LandscapeView } from '../../engine/views';
import type { Bounds } from '../../state/grid';
import { taskColor } from './palette';
import { contourImage, evaluateGrid, linearTicks, toUnit } from './raster';
import { formatNumber } from './series';

const [M, P] = [30, 220]; // margin and plot side in viewBox units
const W = M + P + 8;
const cache = new WeakMap<LandscapeView['losses'], Map<string, string[]>>();

/** Data URLs of every task's contour image, computed once per loss function, box and resolution. */
export function landscapeImages(view: LandscapeView, n: number): string[] {
  const own = cache.get(view.losses) ?? new Map<string, string[]>();
  cache.set(view.losses, own);
  const key = `${n} ${view.bounds.flat().join(' ')}`;
  const hit = own.get(key);
  if (hit) return hit;
  const tasks = view.losses(view.bounds[0][0], view.bounds[1][0]).length;
  const fields = evaluateGrid(n, view.bounds, tasks, view.losses);
  const urls = fields.map((f) => {
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [n, n];
    const image = new ImageData(n, n);
    image.data.set(contourImage(f, n));
    canvas.getContext('2d')?.putImageData(image, 0, 0);
    return canvas.toDataURL();
  });
  own.set(key, urls);
  return urls;
}

const tickText = { fontSize: 9, fill: 'var(--muted)' };

export interface LandscapePanelProps {
  name: string;
  image: string;
  bounds: Bounds;
  mark: LandscapeView['mark'];
  paths: readonly (readonly (readonly number[])[])[];
  starts: readonly (readonly number[])[];
}

export function LandscapePanel({ name, image, bounds, mark, paths, starts }: LandscapePanelProps) {
  const [[a0, a1], [b0, b1]] = bounds;
  const at = (x1: number, x2: number): [number, number] => {
    const [u, v] = toUnit(bounds, x1, x2);
    return [M + u * P, 4 + v * P];
  };
  const points = (path: readonly (readonly number[])[]) =>
    path
      .map((p) =>
        at(p[0] ?? 0, p[1] ?? 0)
          .map((c) => c.toFixed(1))
          .join(','),
      )
      .join(' ');
  const clip = `landscape-clip-${useId().replace(/\W/g, '')}`;
  const [from, to] = mark ? [at(...mark.from), at(...mark.to)] : [null, null];
  return (
    <figure style={{ margin: 0, flex: '1 1 220px', maxWidth: 340 }}>
      <figcaption style={{ textAlign: 'center', fontWeight: 600, fontSize: 13 }}>{name}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${W}`}
        width="100%"
        role="img"
        aria-label={`Loss landscape of ${name} over θ1 in [${a0}, ${a1}] and θ2 in [${b0}, ${b1}]${mark ? `, with ${mark.label} marked` : ''}, and ${paths.length} trajectories`}
      >
        <defs>
          <clipPath id={clip}>
            <rect x={M} y={4} width={P} height={P} />
          </clipPath>
        </defs>
        <image href={image} x={M} y={4} width={P} height={P} preserveAspectRatio="none" />
        {linearTicks(a0, a1, 5).map((v) => (
          <text key={`x${v}`} x={at(v, b0)[0]} y={4 + P + 10} textAnchor="middle" style={tickText}>
            {formatNumber(v)}
          </text>
        ))}
        {linearTicks(b0, b1, 5).map((v) => (
          <text key={`y${v}`} x={M - 3} y={at(a0, v)[1] + 3} textAnchor="end" style={tickText}>
            {formatNumber(v)}
          </text>
        ))}
        <text x={M + P / 2} y={W - 2} textAnchor="middle" style={{ ...tickText, fontSize: 10 }}>
          θ1
        </text>
        <text
          x={8}
          y={4 + P / 2}
          textAnchor="middle"
          transform={`rotate(-90 8 ${4 + P / 2})`}
          style={{ ...tickText, fontSize: 10 }}
        >
          θ2
        </text>
        <g clipPath={`url(#${clip})`} fill="none" strokeLinecap="round" strokeLinejoin="round">
          {from && to ? (
            <>
              <line x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} stroke="#000" strokeWidth={5} />
              <line x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} stroke="#fff" strokeWidth={3} />
            </>
          ) : null}
          {paths.map((path, s) => {
            const end = path.at(-1);
            return (
              <g key={s}>
                <polyline points={points(path)} stroke="#fff" strokeWidth={3.2} />
                <polyline points={points(path)} stroke={taskColor(s)} strokeWidth={1.8} />
                {end && path.length > 1 ? (
                  <circle
                    cx={at(end[0] ?? 0, end[1] ?? 0)[0]}
                    cy={at(end[0] ?? 0, end[1] ?? 0)[1]}
                    r={3}
                    fill={taskColor(s)}
                    stroke="#fff"
                  />
                ) : null}
              </g>
            );
          })}
          {starts.map((p, s) => (
            <circle
              key={s}
              cx={at(p[0] ?? 0, p[1] ?? 0)[0]}
              cy={at(p[0] ?? 0, p[1] ?? 0)[1]}
              r={4.5}
              fill="#fff"
              stroke={taskColor(s)}
              strokeWidth={2.2}
            />
          ))}
        </g>
      </svg>
    </figure>
  );
}
