/**
 * A chart axis' mapping between data values and CSS pixels, linear or base-10 logarithmic: plain data
 * (a scene keeps its scales, so a pointer's pixel can be turned back into a step) and two pure functions.
 */

export interface PlotScale {
  /** The data range shown, [low, high] (positive for a log scale). */
  domain: readonly [number, number];
  /** The pixels it spans: [pixel of low, pixel of high] (a y range runs bottom to top, so it falls). */
  range: readonly [number, number];
  log: boolean;
}

const along = (s: PlotScale, v: number) => (s.log ? Math.log10(v) : v);

/** The pixel of value `v` (NaN for a non-positive value on a log scale; a flat domain maps to its middle). */
export function toPx(s: PlotScale, v: number): number {
  if (s.log && !(v > 0)) return NaN;
  const [d0, d1] = [along(s, s.domain[0]), along(s, s.domain[1])];
  const [r0, r1] = s.range;
  if (d1 === d0) return (r0 + r1) / 2;
  return r0 + ((along(s, v) - d0) / (d1 - d0)) * (r1 - r0);
}

/** The value at pixel `px`: toPx's inverse. */
export function fromPx(s: PlotScale, px: number): number {
  const [d0, d1] = [along(s, s.domain[0]), along(s, s.domain[1])];
  const [r0, r1] = s.range;
  const t = r1 === r0 ? 0 : (px - r0) / (r1 - r0);
  const v = d0 + t * (d1 - d0);
  return s.log ? 10 ** v : v;
}

/** The step of the row nearest to `step` (rows in step order); undefined when there are none. */
export function nearestStep(rows: readonly { step: number }[], step: number): number | undefined {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as { step: number }).step < step) lo = mid + 1;
    else hi = mid;
  }
  const after = rows[lo]?.step;
  const before = rows[lo - 1]?.step;
  if (before === undefined) return after;
  if (after === undefined) return before;
  return step - before <= after - step ? before : after;
}
