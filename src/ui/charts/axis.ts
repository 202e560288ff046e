/**
 * The axes of a time chart: the x range of the steps drawn, and the y range with its ticks (a fixed
 * domain, else domain.ts's padded range for one step or flat data, else a round range around the data).
 * Pure: no DOM, so the ranges are tested in Node.
 */
import type { Row } from './downsample';
import { niceStep, paddedAxis, type PaddedAxis } from './domain';

export type Axis = PaddedAxis;

/** Rounds away float noise (0.30000000000000004 -> 0.3) so tick labels read cleanly. */
const clean = (v: number) => Number(v.toPrecision(12));

/** Multiples of `step` from `from` to `to` (both multiples of it). */
const multiples = (from: number, to: number, step: number) =>
  Array.from({ length: Math.max(0, Math.round((to - from) / step) + 1) }, (_, k) => clean(from + k * step));

/** A range widened to round ends, with about `count` round ticks across it (lo < hi). */
export function roundAxis(lo: number, hi: number, count = 5): Axis {
  const step = niceStep((hi - lo) / (count - 1));
  const ticks = multiples(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
  return { domain: [ticks[0] as number, ticks.at(-1) as number], ticks };
}

/** Whole decades around positive data (0 < lo ≤ hi); a wide range labels every k-th, 7 labels at most. */
export function decadeAxis(lo: number, hi: number): Axis {
  let bottom = Math.floor(Math.log10(lo));
  let top = Math.ceil(Math.log10(hi));
  if (top === bottom) [bottom, top] = [bottom - 1, top + 1];
  const every = Math.ceil((top - bottom) / 6);
  const ticks: number[] = [];
  for (let d = bottom; d <= top; d += every) ticks.push(clean(10 ** d));
  return { domain: [clean(10 ** bottom), clean(10 ** top)], ticks };
}

/**
 * The smallest and largest finite value of the given keys, only the positive ones when `positive` (what a
 * log axis shows); Infinity, -Infinity when none.
 */
export function extent(rows: readonly Row[], keys: readonly string[], positive = false): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of rows)
    for (const key of keys) {
      const v = row[key];
      if (v === undefined || !Number.isFinite(v) || (positive && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return [lo, hi];
}

export interface YAxisOptions {
  log?: boolean;
  /** A fixed range (values outside it are clipped), with its ticks or round ones. */
  domain?: [number, number];
  ticks?: number[];
}

/** The y axis of a time chart (see the file comment); [0, 1] before there is any value. */
export function yAxisFor(rows: readonly Row[], keys: readonly string[], opts: YAxisOptions = {}): Axis {
  const { log = false, domain, ticks } = opts;
  if (domain) return { domain, ticks: ticks ?? roundAxis(domain[0], domain[1]).ticks };
  const padded = paddedAxis(rows, keys, log);
  if (padded) return ticks ? { domain: padded.domain, ticks } : padded;
  const [lo, hi] = extent(rows, keys, log);
  if (!(lo <= hi)) return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  const axis = log ? decadeAxis(lo, hi) : lo < hi ? roundAxis(lo, hi) : roundAxis(lo - 1, hi + 1);
  return ticks ? { domain: axis.domain, ticks } : axis;
}

/** The x axis: from the first to the last step drawn, ticks at round steps inside it. */
export function xAxisFor(rows: readonly Row[]): Axis {
  const first = rows[0]?.step ?? 0;
  const last = rows.at(-1)?.step ?? first;
  if (!(last > first)) return { domain: [first - 1, first + 1], ticks: [first] };
  const step = niceStep((last - first) / 5);
  const ticks = multiples(Math.ceil(first / step) * step, Math.floor(last / step) * step, step);
  return { domain: [first, last], ticks };
}
