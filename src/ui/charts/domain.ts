/**
 * The y range of a time chart. A range that hugs the data turns one report (or a flat series, such
 * as equal weights at exactly 1) into a sliver of an axis: two accuracies at step 0 drew from 0.468 to
 * 0.489, and the lines looked like wild swings. Such data gets a padded range with round ends instead;
 * data that really varies keeps the round range around it (axis.ts). Pure: no DOM.
 */
import type { Row } from './downsample';

/** Spread, relative to the values' size, below which data counts as flat. */
const FLAT = 0.02;

/** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `x`. */
export function niceStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= x * (1 - 1e-9));
  return step ?? 10 * power;
}

/** Rounds away float noise (0.30000000000000004 -> 0.3) so tick labels read cleanly. */
const clean = (v: number) => Number(v.toPrecision(12));

/** A y range and the round ticks across it. */
export interface PaddedAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * A padded range with round ticks for data that is one step or flat, or undefined for axis.ts's round range.
 * Positive data stays above zero (no invented negative losses), and log axes get whole decades.
 */
export function paddedAxis(
  rows: readonly Row[],
  keys: readonly string[],
  log = false,
): PaddedAxis | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  const steps = new Set<number>();
  for (const row of rows)
    for (const key of keys) {
      const v = row[key];
      if (v === undefined || !Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      steps.add(row.step);
    }
  if (!steps.size) return undefined;
  const scale = Math.max(Math.abs(lo), Math.abs(hi));
  const flat = hi - lo <= FLAT * scale;
  if (steps.size > 1 && !flat) return undefined;
  if (log) {
    if (lo <= 0) return undefined;
    let bottom = Math.floor(Math.log10(lo));
    let top = Math.ceil(Math.log10(hi));
    if (top === bottom) [bottom, top] = [bottom - 1, top + 1];
    const ticks = Array.from({ length: top - bottom + 1 }, (_, k) => clean(10 ** (bottom + k)));
    return { domain: [ticks[0] as number, ticks.at(-1) as number], ticks };
  }
  // All zeros (no conflict yet, a switched-off regularizer): show 0 at the floor of a unit range.
  if (scale === 0) return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  // At least a quarter of the values' size either side, which never crosses zero for same-signed data.
  const mid = (lo + hi) / 2;
  const half = Math.max((hi - lo) / 2, scale / 4);
  const step = niceStep((2 * half) / 4);
  const first = Math.floor((mid - half) / step);
  const last = Math.ceil((mid + half) / step);
  const ticks = Array.from({ length: last - first + 1 }, (_, k) => clean((first + k) * step));
  return { domain: [ticks[0] as number, ticks.at(-1) as number], ticks };
}
