/**
 * Small bars inside a shared layer's box, one per task in the task's colour, as long as that task's
 * gradient norm on the layer relative to the largest per-layer norm of the report: where one task's
 * gradient dwarfs the other's, it dominates the shared update (the "magnitude" leg of the tragic triad,
 * Yu et al., "Gradient Surgery for Multi-Task Learning", NeurIPS 2020). Shown only when the report carries
 * per-layer norms (LayerStat.norms). Pure: no DOM.
 */
import type { LayerStat } from './layer-stats';

/** Room the bars take at the right end of a box; a narrower box shows none. */
export const BARS_W = 44;
export const MIN_BOX_FOR_BARS = 150;

export interface NormBar {
  task: number;
  norm: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The largest per-layer norm of any task in the report (the bars' common scale), NaN when none. */
export function largestLayerNorm(stats: Iterable<LayerStat>): number {
  let max = NaN;
  for (const s of stats) for (const n of s.norms ?? []) if (Number.isFinite(n) && !(n <= max)) max = n;
  return max;
}

/** Bars for a box at (x, y, w, h), bottom-aligned rows inside its right end; empty when they do not fit. */
export function normBars(
  stat: LayerStat | undefined,
  scale: number,
  box: { x: number; y: number; w: number; h: number },
): NormBar[] {
  const norms = stat?.norms;
  if (!norms?.length || !(scale > 0) || box.w < MIN_BOX_FOR_BARS) return [];
  const pad = 4;
  const h = Math.max(2, Math.min(5, (box.h - 2 * pad) / norms.length - 1));
  const left = box.x + box.w - BARS_W - pad;
  return norms.map((norm, task) => ({
    task,
    norm,
    x: left,
    y: box.y + pad + task * (h + 1),
    w: Number.isFinite(norm) ? Math.max(1, (BARS_W * Math.min(norm, scale)) / scale) : 0,
    h,
  }));
}
