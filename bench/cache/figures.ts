/**
 * The arithmetic of `npm run bench -- --only cache` (bench/cache.bench.ts), apart from the timing so it can
 * be tested: what a block of steps did according to the embedding cache's report (hit rate and FLOPs saved
 * over exactly the timed steps, from the report's running totals before and after), the share of a whole
 * step's FLOPs that is, and the time saved measured against the uncached step. Comparing the last two says
 * how far counted FLOPs predict wall time: not far on a small network, where fixed per-step costs (kernel
 * launches, the optimizer, the losses, gathers) dominate.
 */
import {
  backwardFlopsPerRow,
  forwardFlopsPerRow,
  type TrunkShape,
} from '../../src/engine/embedding-cache/flops';
import type { EmbeddingCacheReport } from '../../src/engine/embedding-cache/report';

/** The running totals of Report.embeddingCache a block is measured between (all zero without a cache). */
export interface CacheTotals {
  hits: number;
  rows: number;
  flopsSaved: number;
  flopsSpent: number;
}

export function cacheTotals(report: EmbeddingCacheReport | undefined): CacheTotals {
  if (!report) return { hits: 0, rows: 0, flopsSaved: 0, flopsSpent: 0 };
  const { hits, rows, flopsSaved, flopsSpent } = report;
  return { hits, rows, flopsSaved, flopsSpent };
}

/** What the cache counted over one block: hit rate and the share of trunk FLOPs avoided (NaN: no cache). */
export interface BlockCounts {
  hitRate: number;
  trunkFlopsSaved: number;
  /** Trunk FLOPs the block ran or avoided: the uncached trunk's cost of the same steps. */
  trunkFlops: number;
}

export function blockCounts(before: CacheTotals, after: CacheTotals): BlockCounts {
  const rows = after.rows - before.rows;
  const saved = after.flopsSaved - before.flopsSaved;
  const trunkFlops = saved + after.flopsSpent - before.flopsSpent;
  return {
    hitRate: rows > 0 ? (after.hits - before.hits) / rows : NaN,
    trunkFlopsSaved: trunkFlops > 0 ? saved / trunkFlops : NaN,
    trunkFlops,
  };
}

/**
 * The share of an uncached step's counted FLOPs that is the trunk's: trunk forward once per row plus its
 * backward once per task (flops.ts), against the per-task linear heads (`outputs` units each on the trunk's
 * last width) forward, kernel gradient and cotangent into the trunk, 6·width·outputs per row and task.
 * Shared inputs (every task reads every row), as playground-2d has. Adam, losses and activations, O(params)
 * or O(units) per step, are not counted, as the report does not count them.
 */
export function trunkShareOfStep(trunk: TrunkShape, numTasks: number, outputs: number): number {
  const width = trunk[trunk.length - 1]?.out ?? 0;
  const trunkPerRow = forwardFlopsPerRow(trunk) + numTasks * backwardFlopsPerRow(trunk);
  const headsPerRow = numTasks * 6 * width * outputs;
  return trunkPerRow / (trunkPerRow + headsPerRow);
}

/** Fraction of the uncached step's time saved (negative: slower); from ms per step. */
export function timeSaved(msPerStep: number, uncachedMsPerStep: number): number {
  return 1 - msPerStep / uncachedMsPerStep;
}

/** "12.3%", or "–" where there is nothing to say (no cache, no rows). */
export function percent(fraction: number, digits = 1): string {
  return Number.isFinite(fraction) ? `${(100 * fraction).toFixed(digits)}%` : '–';
}
