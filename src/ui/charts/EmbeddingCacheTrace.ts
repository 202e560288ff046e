/**
 * The numbers behind the embedding-cache chart (EmbeddingCacheChart.tsx), without React so they are tested
 * in Node. The history keeps no cache series, so the chart records each report's cache numbers as it sees
 * them. They are running totals (hits, rows, FLOPs), so two recorded reports give the exact hit rate of the
 * steps between them, however many reports the page skipped.
 */
import type { EmbeddingCacheReport } from '../../engine/embedding-cache/report';

export interface CachePoint {
  step: number;
  /** Hits over rows of the steps since the previous point, in %. */
  recent: number;
  /** Hits over rows since the first step, in %. */
  overall: number;
  /** Of the trunk FLOPs an uncached run would spend, the share the cache saved so far, in %. */
  saved: number;
}

export class CacheTrace {
  private readonly points: CachePoint[] = [];
  private last: { step: number; hits: number; rows: number } | null = null;

  /** Record a report's cache numbers (a repeated step is ignored; an earlier step starts a new run). */
  add(step: number, c: EmbeddingCacheReport | undefined): void {
    if (!c) return;
    if (this.last && step < this.last.step) this.clear();
    if (this.last && step === this.last.step) return;
    const prev = this.last ?? { step: 0, hits: 0, rows: 0 };
    const rows = c.rows - prev.rows;
    const total = c.flopsSaved + c.flopsSpent;
    if (c.rows > 0)
      this.points.push({
        step,
        recent: rows > 0 ? (100 * (c.hits - prev.hits)) / rows : 0,
        overall: 100 * c.hitRate,
        saved: total > 0 ? (100 * c.flopsSaved) / total : 0,
      });
    this.last = { step, hits: c.hits, rows: c.rows };
  }

  clear(): void {
    this.points.length = 0;
    this.last = null;
  }

  get rows(): readonly CachePoint[] {
    return this.points;
  }
}

/** "1.23 GFLOP": a FLOP count in the unit that reads best. */
export function formatFlops(flops: number): string {
  if (flops >= 1e12) return `${(flops / 1e12).toPrecision(3)} TFLOP`;
  if (flops >= 1e9) return `${(flops / 1e9).toPrecision(3)} GFLOP`;
  if (flops >= 1e6) return `${(flops / 1e6).toPrecision(3)} MFLOP`;
  return `${Math.round(flops).toLocaleString('en')} FLOP`;
}

/** The footer's line: hit rate, staleness, what the trunk cost and what the cache and the fused pass saved. */
export function cacheSummary(c: EmbeddingCacheReport): string {
  const total = c.flopsSaved + c.flopsSpent;
  const share = total > 0 ? ` (${((100 * c.flopsSaved) / total).toFixed(0)}%)` : '';
  const stale = c.frozen
    ? 'frozen bottom: reused embeddings are exact'
    : `mean staleness ${c.meanStaleness.toFixed(1)} steps`;
  const within =
    c.withinStepFlopsSaved > 0
      ? ` · the one trunk pass for all tasks saved ${formatFlops(c.withinStepFlopsSaved)} more`
      : '';
  return `Hits ${(100 * c.hitRate).toFixed(1)}% · ${stale} · trunk FLOPs saved ${formatFlops(c.flopsSaved)} of ${formatFlops(total)}${share}${within}`;
}
