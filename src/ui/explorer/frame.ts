/**
 * The plane's coordinate frame: math coordinates (y up, ±extent) to SVG pixels (y down) and back, and the
 * arrowhead of a vector. Pure, so the drawing code only says what to draw.
 */
import type { Vec2 } from '../../state/explorer/geometry';

/** Side of the square drawing in SVG units (it scales with the page). */
export const PLANE_SIZE = 480;

export interface Frame {
  extent: number;
  toSvg(v: Vec2): Vec2;
  fromSvg(p: Vec2): Vec2;
  /** SVG units per math unit. */
  unit: number;
}

export function makeFrame(extent: number): Frame {
  const half = PLANE_SIZE / 2;
  const unit = half / extent;
  return {
    extent,
    unit,
    toSvg: (v) => [half + v[0] * unit, half - v[1] * unit],
    fromSvg: (p) => [(p[0] - half) / unit, (half - p[1]) / unit],
  };
}

/** SVG points of an arrowhead at `tip` (SVG units) pointing away from `tail`; empty for a tiny arrow. */
export function arrowHead(tail: Vec2, tip: Vec2, size = 9): string {
  const dx = tip[0] - tail[0];
  const dy = tip[1] - tail[1];
  const length = Math.hypot(dx, dy);
  if (length < 1e-6) return '';
  const s = Math.min(size, length * 0.6);
  const [ux, uy] = [dx / length, dy / length];
  const back: Vec2 = [tip[0] - ux * s, tip[1] - uy * s];
  const wing = s * 0.45;
  const left: Vec2 = [back[0] - uy * wing, back[1] + ux * wing];
  const right: Vec2 = [back[0] + uy * wing, back[1] - ux * wing];
  return [tip, left, right].map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
}

/** An SVG path through math points (M ... L ...), optionally closed. */
export function pathOf(frame: Frame, points: readonly Vec2[], close = false): string {
  const parts = points.map((p, k) => {
    const [x, y] = frame.toSvg(p);
    return `${k === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
  });
  return parts.join(' ') + (close && points.length ? ' Z' : '');
}

/** A number as the explorer prints it: at most 3 decimals, no trailing zeros, a real minus sign. */
export function formatNumber(x: number, digits = 3): string {
  const text = Number(x.toFixed(digits)).toString();
  return text === '-0' ? '0' : text.replace('-', '−');
}
