/**
 * Keep long series cheap to draw: reduce N points to at most `max`, keeping each bucket's minimum and maximum
 * (so spikes survive) and always the first and the last point. Pure functions, no DOM.
 */
import type { Columns } from '../../state/columns';

export type { Columns };

/** A chart row: the x value `step` and one number per series key (a missing key is a gap). */
export interface Row {
  step: number;
  [key: string]: number;
}

/** Default point budget of a live chart: smooth at any run length, cheap to draw. */
export const MAX_POINTS = 400;

/**
 * Plot pixels per drawn row. A line cannot show more than one row per pixel or two, so a chart draws a row
 * every 2 px: about 150-250 rows on a card, min/max-kept (downsampleRows), instead of up to MAX_POINTS.
 * (Painted on a canvas, a row costs next to nothing; under Recharts it cost objects and scale calls, and
 * the charts drew one every 3 px.)
 */
export const PX_PER_ROW = 2;

/** Rows worth drawing across a plot `plotWidth` CSS pixels wide: 2 ≤ budget ≤ `max`. */
export function rowBudget(plotWidth: number, max = MAX_POINTS): number {
  return Math.max(2, Math.min(max, Math.floor(plotWidth / PX_PER_ROW)));
}

/** Bucket boundaries over the interior indices 1 .. n-2: `buckets` half-open ranges [start, end). */
function buckets(n: number, count: number): [number, number][] {
  const inner = n - 2;
  const out: [number, number][] = [];
  for (let b = 0; b < count; b++) {
    const start = 1 + Math.floor((b * inner) / count);
    const end = 1 + Math.floor(((b + 1) * inner) / count);
    if (end > start) out.push([start, end]);
  }
  return out;
}

const bucketCount = (max: number) => Math.max(0, Math.floor((Math.max(2, max) - 2) / 2));

/**
 * Indices kept from one series (ascending, at most max(2, max)): the first, the last, and the minimum and
 * maximum of each of ⌊(max - 2) / 2⌋ buckets. Non-finite values are never chosen as extremes; a bucket with
 * none finite keeps its first index, so a gap stays a gap.
 */
export function minMaxIndices(values: ArrayLike<number>, max: number): number[] {
  const n = values.length;
  if (n <= Math.max(2, max)) return Array.from({ length: n }, (_, i) => i);
  const kept: number[] = [0];
  for (const [start, end] of buckets(n, bucketCount(max))) {
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = values[i] as number;
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < (values[lo] as number)) lo = i;
      if (hi < 0 || v > (values[hi] as number)) hi = i;
    }
    if (lo < 0) kept.push(start);
    else if (lo === hi) kept.push(lo);
    else kept.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  kept.push(n - 1);
  return kept;
}

/** `values` reduced by minMaxIndices. */
export function downsampleSeries(values: readonly number[], max: number): number[] {
  return minMaxIndices(values, max).map((i) => values[i] as number);
}

/** Every key of the rows but `step`, in first-seen order. */
export function rowKeys(rows: readonly Row[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (key !== 'step') keys.add(key);
  return [...keys];
}

/**
 * Rows of several series reduced to at most max(2, max) rows, keeping every series' envelope: the first and
 * last rows as they are, and per bucket two rows (at the bucket's first and last step) holding, for each key,
 * that key's minimum and maximum in the bucket in the order they occurred. Keys with no finite value in a
 * bucket are left out of its rows (a gap).
 */
export function downsampleRows(
  rows: readonly Row[],
  max: number,
  keys: readonly string[] = rowKeys(rows),
): Row[] {
  const n = rows.length;
  if (n <= Math.max(2, max)) return rows.slice();
  const out: Row[] = [rows[0] as Row];
  for (const [start, end] of buckets(n, bucketCount(max))) {
    const first: Row = { step: (rows[start] as Row).step };
    const last: Row = { step: (rows[end - 1] as Row).step };
    for (const key of keys) {
      let lo = -1;
      let hi = -1;
      for (let i = start; i < end; i++) {
        const v = (rows[i] as Row)[key];
        if (v === undefined || !Number.isFinite(v)) continue;
        if (lo < 0 || v < ((rows[lo] as Row)[key] as number)) lo = i;
        if (hi < 0 || v > ((rows[hi] as Row)[key] as number)) hi = i;
      }
      if (lo < 0) continue;
      const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
      first[key] = (rows[a] as Row)[key] as number;
      last[key] = (rows[b] as Row)[key] as number;
    }
    out.push(first);
    if (end - start > 1) out.push(last);
  }
  out.push(rows[n - 1] as Row);
  return out;
}

/** Evenly spaced indices (ascending, first and last always), at most max(2, max): for paths such as trajectories. */
export function strideIndices(n: number, max: number): number[] {
  const m = Math.max(2, Math.floor(max));
  if (n <= m) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: m }, (_, k) => Math.round((k * (n - 1)) / (m - 1)));
}

/** A path (sequence of points) thinned to at most max points by strideIndices. */
export function downsamplePath<P>(points: readonly P[], max: number): P[] {
  return strideIndices(points.length, max).map((i) => points[i] as P);
}

function rowAt(c: Columns, i: number): Row {
  const row: Row = { step: c.steps[i] as number };
  c.keys.forEach((key, k) => {
    const v = (c.values[k] as Float64Array)[i] as number;
    if (Number.isFinite(v)) row[key] = v;
  });
  return row;
}

/** Every row of the columns (non-finite values left out). */
export function columnsToRows(c: Columns): Row[] {
  return Array.from(c.steps, (_, i) => rowAt(c, i));
}

/**
 * Columns reduced to at most max(2, max) rows, as downsampleRows does for rows (each key's bucket minimum and
 * maximum in their order, first and last rows kept), without building a row per input point.
 */
export function downsampleColumns(c: Columns, max: number): Row[] {
  const n = c.steps.length;
  if (n <= Math.max(2, max)) return columnsToRows(c);
  const out: Row[] = [rowAt(c, 0)];
  for (const [start, end] of buckets(n, bucketCount(max))) {
    const first: Row = { step: c.steps[start] as number };
    const last: Row = { step: c.steps[end - 1] as number };
    c.keys.forEach((key, k) => {
      const col = c.values[k] as Float64Array;
      let lo = -1;
      let hi = -1;
      for (let i = start; i < end; i++) {
        const v = col[i] as number;
        if (!Number.isFinite(v)) continue;
        if (lo < 0 || v < (col[lo] as number)) lo = i;
        if (hi < 0 || v > (col[hi] as number)) hi = i;
      }
      if (lo < 0) return;
      first[key] = col[Math.min(lo, hi)] as number;
      last[key] = col[Math.max(lo, hi)] as number;
    });
    out.push(first);
    if (end - start > 1) out.push(last);
  }
  out.push(rowAt(c, n - 1));
  return out;
}
