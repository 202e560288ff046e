/**
 * Pixel grids for the 2-D pictures (decision boundaries, toy landscapes): pure functions returning RGBA
 * bytes, so they are tested in Node and the components only blit them onto a canvas.
 */
import { cellCenter, type Bounds } from '../../state/grid';
import { boundaryRGB, sequentialRGB, type RGB } from './palette';

export { cellCenter, gridInputs, type Bounds } from '../../state/grid';

/** A data point in [0, 1]² picture coordinates (u right, v down). */
export function toUnit(bounds: Bounds, x1: number, x2: number): [number, number] {
  const [[a0, a1], [b0, b1]] = bounds;
  return [(x1 - a0) / (a1 - a0), (b1 - x2) / (b1 - b0)];
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function fill(out: Uint8ClampedArray, i: number, [r, g, b]: RGB, alpha = 255): void {
  out[4 * i] = r;
  out[4 * i + 1] = g;
  out[4 * i + 2] = b;
  out[4 * i + 3] = alpha;
}

/** RGBA of task t's n×n map from logits [T, n*n]: the probability of class 1 on boundaryRGB's scale. */
export function boundaryImage(values: ArrayLike<number>, t: number, n: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(n * n * 4);
  for (let i = 0; i < n * n; i++) {
    const z = values[t * n * n + i];
    fill(out, i, boundaryRGB(z === undefined || !Number.isFinite(z) ? 0.5 : sigmoid(z)));
  }
  return out;
}

/** Evaluates fn at every cell centre: one Float32Array [n*n] per output of fn (k outputs). */
export function evaluateGrid(
  n: number,
  bounds: Bounds,
  k: number,
  fn: (x1: number, x2: number) => readonly number[],
): Float32Array[] {
  const out = Array.from({ length: k }, () => new Float32Array(n * n));
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) {
      const [a, b] = cellCenter(n, bounds, row, col);
      const v = fn(a, b);
      for (let j = 0; j < k; j++) (out[j] as Float32Array)[row * n + col] = v[j] ?? Number.NaN;
    }
  return out;
}

/** `bands - 1` thresholds at the quantiles of the finite values: equal-area levels for any loss shape. */
export function quantileLevels(values: ArrayLike<number>, bands: number): number[] {
  const sorted = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (!sorted.length) return [];
  return Array.from(
    { length: bands - 1 },
    (_, k) => sorted[Math.floor(((k + 1) * sorted.length) / bands)] as number,
  );
}

/** Index of the band holding v (0 .. levels.length). */
export function bandOf(levels: readonly number[], v: number): number {
  let lo = 0;
  let hi = levels.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v >= (levels[mid] as number)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * RGBA of a filled-contour picture of an n×n field: `bands` equal-area bands on the sequential scale (low =
 * dark), with a contour pixel (darkened) wherever the band changes to the right or below.
 */
export function contourImage(values: ArrayLike<number>, n: number, bands = 14): Uint8ClampedArray {
  const levels = quantileLevels(values, bands);
  const band = Int32Array.from({ length: n * n }, (_, i) => bandOf(levels, values[i] ?? Number.NaN));
  const out = new Uint8ClampedArray(n * n * 4);
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) {
      const i = row * n + col;
      const b = band[i] as number;
      const edge = (col + 1 < n && band[i + 1] !== b) || (row + 1 < n && band[i + n] !== b);
      const [r, g, bl] = sequentialRGB((b + 0.5) / bands);
      fill(out, i, edge ? [r * 0.55, g * 0.55, bl * 0.55] : [r, g, bl]);
    }
  return out;
}

/** `count` evenly spaced ticks from lo to hi inclusive. */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  return Array.from({ length: count }, (_, k) => lo + ((hi - lo) * k) / (count - 1));
}

/** Labels stored sample-major [N, T] (the engine's `y`) split into one array per task. */
export function splitLabels(y: ArrayLike<number>, count: number, tasks: number): Float32Array[] {
  return Array.from({ length: tasks }, (_, t) =>
    Float32Array.from({ length: count }, (_, k) => y[k * tasks + t] ?? Number.NaN),
  );
}
