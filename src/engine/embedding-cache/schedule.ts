/**
 * Which rows of a batch are cache hits, decided in plain JS from the batch's training-example indices (known
 * before the step: the sampler planned them), so the step uploads index lists and reads nothing back.
 *
 * Refresh mode: a row whose embedding was computed fewer than `refreshEvery` steps ago is a hit (age ≥ 1,
 * so `refreshEvery: 1` never hits: the uncached run). Frozen mode: before `warmupSteps` nothing hits; from
 * then on the bottom no longer changes, so an embedding computed at or after the freeze is exact for ever
 * and every row hits once it has been computed (its first visit after the freeze is a miss, untrained).
 * Staleness is the age of a hit's embedding in steps (0 under a frozen bottom, whose embeddings are exact).
 * Everything here lives in a MethodState, so a checkpoint saves the schedule and the counters with the cache.
 */
import type { MethodState } from '../stateful/state';
import type { EmbeddingCacheReport } from './report';
import { stepFlops, type TrunkShape } from './flops';

export interface CachePolicy {
  refreshEvery: number;
  frozen: boolean;
  warmupSteps: number;
}

/** One step's split of the batch rows (positions in the flattened batch, ascending). */
export interface StepPlan {
  step: number;
  hits: number[];
  misses: number[];
  /** Whether the misses train the trunk (false once a frozen bottom is frozen). */
  trainTrunk: boolean;
  /** The first step of a frozen bottom: the optimizer's momentum on the trunk must go too. */
  freezesNow: boolean;
}

export class CacheSchedule {
  /** Per cached row, the step its embedding was computed at (-1: never). */
  private readonly refreshedAt;
  private readonly step;
  /** [hits, rows, sum of hit ages, FLOPs saved, spent, within-step saved, last step's hits, last rows]. */
  private readonly totals;

  constructor(
    state: MethodState,
    rows: number,
    private readonly policy: CachePolicy,
    private readonly trunk: TrunkShape,
    private readonly shape: { numTasks: number; tasksPerRow: number },
  ) {
    this.refreshedAt = state.box('refreshedAt', new Array<number>(rows).fill(-1));
    this.step = state.box('step', 0);
    this.totals = state.box('totals', [0, 0, 0, 0, 0, 0, 0, 0]);
  }

  /** Whether the bottom is frozen at `step`. */
  frozenAt(step: number): boolean {
    return this.policy.frozen && step >= this.policy.warmupSteps;
  }

  /**
   * Plan the next step for the batch whose flattened rows are the cache rows `rows`, mark its misses as
   * refreshed and count everything. Call once per training step.
   */
  next(rows: ArrayLike<number>): StepPlan {
    const step = this.step.value;
    const refreshed = this.refreshedAt.value;
    const frozen = this.frozenAt(step);
    const hits: number[] = [];
    const misses: number[] = [];
    let ageSum = 0;
    for (let p = 0; p < rows.length; p++) {
      const at = refreshed[rows[p] as number] ?? -1;
      const hit = this.policy.frozen
        ? frozen && at >= this.policy.warmupSteps
        : at >= 0 && step - at < this.policy.refreshEvery;
      if (hit) {
        hits.push(p);
        // A frozen bottom's embedding is exact however old: staleness counts changes missed, so 0.
        if (!frozen) ageSum += step - at;
      } else misses.push(p);
    }
    for (const p of misses) refreshed[rows[p] as number] = step;
    const flops = stepFlops(this.trunk, {
      rows: rows.length,
      hits: hits.length,
      trainedMisses: frozen ? 0 : misses.length,
      ...this.shape,
    });
    const t = this.totals.value;
    const add = [hits.length, rows.length, ageSum, flops.saved, flops.spent, flops.withinStep];
    add.forEach((v, i) => (t[i] = (t[i] as number) + v));
    t[6] = hits.length;
    t[7] = rows.length;
    this.step.value = step + 1;
    const freezesNow = this.policy.frozen && step === this.policy.warmupSteps;
    return { step, hits, misses, trainTrunk: !frozen, freezesNow };
  }

  report(): EmbeddingCacheReport {
    const [hits = 0, rows = 0, ages = 0, saved = 0, spent = 0, within = 0, lastHits = 0, lastRows = 0] =
      this.totals.value;
    return {
      refreshEvery: this.policy.refreshEvery,
      frozen: this.policy.frozen,
      stepHitRate: lastRows ? lastHits / lastRows : 0,
      hitRate: rows ? hits / rows : 0,
      hits,
      rows,
      meanStaleness: hits ? ages / hits : 0,
      flopsSaved: saved,
      flopsSpent: spent,
      withinStepFlopsSaved: within,
    };
  }
}
