/**
 * Keeping long runs small: a stored run holds at most MAX_STORED_REPORTS reports, spread evenly over the
 * run and always with its first and last (the start and the final numbers are what a comparison reads).
 * While a run trains, the capture keeps at most twice that many by dropping every other report when full,
 * so that a 100k-step run with a report every step does not grow the page's memory without bound.
 *
 * Why 500: every write of a training run (its checkpoint every ~10 s) hands the record to IndexedDB, which
 * clones it on the page's main thread, ~18 µs a report (issue 11: 2,000 reports made a 35-90 ms task on a
 * 2-core machine); and no chart draws more than MAX_POINTS (400) rows of a run.
 */
export const MAX_STORED_REPORTS = 500;

/** `count` indices spread evenly over [0, n), always the first and the last; all of them when n ≤ count. */
export function evenIndices(n: number, count: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  if (count <= 1) return [n - 1];
  return Array.from({ length: count }, (_, i) => Math.round((i * (n - 1)) / (count - 1)));
}

/** At most `max` items, evenly spaced, first and last kept. */
export const decimate = <T>(items: readonly T[], max = MAX_STORED_REPORTS): T[] =>
  evenIndices(items.length, max).map((i) => items[i] as T);

/** Every other item (the even positions) plus the last: halves a buffer that reached its limit. */
export const halve = <T>(items: readonly T[]): T[] => {
  const kept = items.filter((_, i) => i % 2 === 0);
  const last = items[items.length - 1];
  if (items.length % 2 === 0 && last !== undefined) kept.push(last);
  return kept;
};
