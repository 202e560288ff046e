/**
 * The numbers the network view paints on a shared layer, read from one report: the cosine of each pair
 * of task gradients restricted to that layer (train/report.ts `gradients.layers`), the lowest of them
 * (what the colour shows: with three tasks, one conflicting pair is enough to mark the layer), and the
 * tasks' gradient norms. Pure: no DOM.
 */
import type { Report } from '../../engine/train/report';
// The palette and number format directly, not the charts' index: this module is also loaded by Node tests.
import { cosineRGB, rgb, textColorOn, type RGB } from '../charts/palette';
import { formatNumber } from '../charts/series';

export interface PairCosine {
  i: number;
  j: number;
  cosine: number;
}

export interface LayerStat {
  layer: string;
  /** Every task pair i < j, row-major. */
  pairs: PairCosine[];
  /** The lowest pair cosine (NaN with fewer than two tasks, or no finite value). */
  lowest: number;
  /**
   * ‖∇ L_t‖ restricted to this layer, per task, when the report carries it (an optional `norms` beside
   * the layer's cosine); undefined otherwise.
   */
  norms?: number[];
}

/** A report's layer entry, with the per-layer norms the engine may add beside the cosine. */
type LayerEntry = Report['gradients']['layers'][number] & { norms?: number[] };

export function layerStat(entry: LayerEntry): LayerStat {
  const T = entry.cosine.length;
  const pairs: PairCosine[] = [];
  for (let i = 0; i < T; i++)
    for (let j = i + 1; j < T; j++) pairs.push({ i, j, cosine: entry.cosine[i]?.[j] ?? NaN });
  const finite = pairs.map((p) => p.cosine).filter(Number.isFinite);
  return {
    layer: entry.layer,
    pairs,
    lowest: finite.length ? Math.min(...finite) : NaN,
    ...(Array.isArray(entry.norms) ? { norms: entry.norms } : {}),
  };
}

/** Each shared layer's numbers by name; empty before the first report. */
export function layerStats(report: Report | undefined): Map<string, LayerStat> {
  return new Map((report?.gradients.layers ?? []).map((l) => [l.layer, layerStat(l)]));
}

/** The fill of a layer box (the charts' diverging cosine scale) and the text colour that reads on it. */
export function layerPaint(stat: LayerStat | undefined): { fill: string; text: string } | null {
  if (!stat || !Number.isFinite(stat.lowest)) return null;
  const color: RGB = cosineRGB(stat.lowest);
  return { fill: rgb(color), text: textColorOn(color) };
}

/**
 * Below this a layer is in clear conflict. The colour scale is continuous, but a cosine of −0.03 is
 * painted almost neutral grey and moves by that much from one report to the next: calling it a fight
 * would send a student after noise.
 */
export const CLEAR_CONFLICT = -0.1;

/** What the cosine means, in a student's words. */
export function cosineWords(cosine: number): string {
  if (!Number.isFinite(cosine)) return 'no value';
  if (cosine < CLEAR_CONFLICT) return 'conflict: the tasks pull this layer in opposing directions';
  if (cosine < 0) return 'slight conflict: nearly unrelated, a little opposed';
  if (cosine <= 0.1) return 'about unrelated: the tasks pull at right angles';
  return 'agreement: the tasks pull this layer the same way';
}

/** One line of exact numbers for a tooltip: "layer 1: cosine a–b −0.31 (conflict ...)". */
export function layerLine(stat: LayerStat, short: readonly string[]): string {
  const name = (t: number) => short[t] ?? `task ${t + 1}`;
  const pairs = stat.pairs.map((p) =>
    stat.pairs.length === 1
      ? `cosine ${formatNumber(p.cosine)}`
      : `${name(p.i)}–${name(p.j)} ${formatNumber(p.cosine)}`,
  );
  const norms = stat.norms
    ? `; gradient norm ${stat.norms.map((n, t) => `${name(t)} ${formatNumber(n)}`).join(', ')}`
    : '';
  return `${stat.layer}: ${pairs.join(', ')} (${cosineWords(stat.lowest)})${norms}`;
}
