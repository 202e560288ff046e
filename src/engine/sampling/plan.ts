/**
 * Building blocks every strategy shares: turning chosen samples into a fixed-shape StepPlan, the one-task-
 * per-step plan of the partial strategies, a categorical draw, and the task-share telemetry (kept in the
 * instance's state so it survives a snapshot too).
 */
import { MethodState } from '../stateful/state';
import type { Rng } from '../random/rng';
import { epochStreams, type EpochStreams } from './epochs';
import type { SamplerContext, SamplerInstance, StepPlan, TaskShares } from './types';

/** Steps the `recent` shares average over (the time constant of their moving average). */
export const RECENT_STEPS = 100;

/**
 * One task's slots: its `real` samples with weight 1, then padding up to batchSize with weight 0. Padding
 * repeats real samples (or `filler`) so every index is a valid row.
 */
export function slots(
  real: readonly number[],
  batchSize: number,
  filler: readonly number[] = real,
): { indices: Int32Array; weights: Float32Array } {
  const indices = new Int32Array(batchSize);
  const weights = new Float32Array(batchSize);
  for (let i = 0; i < batchSize; i++) {
    if (i < real.length) {
      indices[i] = real[i] ?? 0;
      weights[i] = 1;
    } else indices[i] = filler.length ? (filler[i % filler.length] ?? 0) : 0;
  }
  return { indices, weights };
}

export function planOf(parts: { indices: Int32Array; weights: Float32Array }[]): StepPlan {
  return {
    indices: parts.map((p) => p.indices),
    sampleWeights: parts.map((p) => p.weights),
    active: parts.map((p) => p.weights.some((w) => w > 0)),
  };
}

/** Throws when the context cannot give every task batchSize distinct samples (build-model.ts prevents it). */
export function checkContext(ctx: SamplerContext<unknown>): void {
  const { numTasks, counts, batchSize, sharedInputs } = ctx;
  if (counts.length !== numTasks) throw new Error(`sampler: ${counts.length} counts for ${numTasks} tasks`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`sampler: batch size ${batchSize}`);
  const smallest = Math.min(...counts);
  if (smallest < batchSize)
    throw new Error(`sampler: batch size ${batchSize} exceeds the smallest task's ${smallest} samples`);
  if (sharedInputs && counts.some((n) => n !== counts[0]))
    throw new Error('sampler: shared inputs need equal counts (one pool)');
}

/** Counts of real samples per task, in total and as a moving average, in the state. */
export function shareTracker(state: MethodState, numTasks: number) {
  const total = state.box<number[]>('shares.total', new Array<number>(numTasks).fill(0));
  const recent = state.box<number[]>('shares.recent', new Array<number>(numTasks).fill(0));
  const normalise = (v: number[]): number[] => {
    const sum = v.reduce((a, b) => a + b, 0);
    return v.map((x) => (sum > 0 ? x / sum : 0));
  };
  return {
    record(plan: StepPlan): StepPlan {
      plan.sampleWeights.forEach((w, t) => {
        const n = w.reduce((a, b) => a + (b > 0 ? 1 : 0), 0);
        total.value[t] = (total.value[t] ?? 0) + n;
        recent.value[t] = (recent.value[t] ?? 0) + (n - (recent.value[t] ?? 0)) / RECENT_STEPS;
      });
      return plan;
    },
    shares: (): TaskShares => ({ total: normalise(total.value), recent: normalise(recent.value) }),
  };
}

/** Index of a draw from the categorical distribution `probs` (which sums to 1); one rng call. */
export function drawCategorical(rng: Rng, probs: readonly number[]): number {
  const u = rng.next();
  let acc = 0;
  for (let t = 0; t < probs.length; t++) {
    acc += probs[t] ?? 0;
    if (u < acc) return t;
  }
  // Rounding left the sum a hair below 1: the last task with mass.
  for (let t = probs.length - 1; t > 0; t--) if ((probs[t] ?? 0) > 0) return t;
  return 0;
}

/** Weights scaled to sum to 1. */
export function normalised(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/**
 * The plan of a strategy that trains one task per step. Separate inputs: that task takes its next batch
 * from its own shuffled epochs; the others sit out, their slots holding their next samples (real rows,
 * not used up, weight 0). Shared inputs: the batch comes from the one pool and every task gets the same
 * indices; only the chosen task's weights are 1.
 */
export function singleTaskPlanner(state: MethodState, ctx: SamplerContext<unknown>) {
  const { numTasks, batchSize, sharedInputs, counts } = ctx;
  const streams: EpochStreams = epochStreams(state, ctx.rng, sharedInputs ? [counts[0] ?? 0] : counts);
  return (task: number): StepPlan => {
    const parts = Array.from({ length: numTasks }, (_, t) => t);
    if (sharedInputs) {
      const batch = streams.take(0, batchSize);
      return planOf(parts.map((t) => slots(t === task ? batch : [], batchSize, batch)));
    }
    return planOf(
      parts.map((t) =>
        t === task
          ? slots(streams.take(t, batchSize), batchSize)
          : slots([], batchSize, streams.peek(t, batchSize)),
      ),
    );
  };
}

/** A partial strategy whose task distribution is fixed: each step draws its task from `probs`. */
export function fixedDrawInstance(ctx: SamplerContext<unknown>, probs: readonly number[]): SamplerInstance {
  checkContext(ctx);
  const state = new MethodState();
  const plan = singleTaskPlanner(state, ctx);
  const tracker = shareTracker(state, ctx.numTasks);
  return {
    next: () => tracker.record(plan(drawCategorical(ctx.rng, probs))),
    shares: tracker.shares,
    state,
  };
}
