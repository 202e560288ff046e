/**
 * Batching and sampling strategy contract: which samples of which tasks one training step sees.
 *
 * A strategy plans each step as fixed-shape index arrays (the GPU buffer pool is keyed by exact sizes,
 * docs/architecture.md, measured facts): every task gets exactly `batchSize` index slots every step, and a weight per slot says how
 * much that sample counts in its task's mean loss (1 = a real sample, 0 = padding). A task whose weights are
 * all 0 sits the step out (`active[t]` false). The trainer's task loss is the weighted mean
 *   L_t = Σ_i w_ti ℓ_ti / Σ_i w_ti   (and 0, with no gradient, when Σ_i w_ti = 0).
 *
 * Shared inputs (one sample pool, every sample labelled for every task): the trainer gathers only
 * `indices[0]`, so a strategy then gives every task the same indices; it can still choose which tasks'
 * losses count (weights and `active`). Separate inputs: one pool per task, indices[t] index task t's pool.
 *
 * Like a gradient method (methods/types.ts), an instance keeps everything it carries across steps in its
 * `state` (a MethodState of JS boxes), its random stream is ctx.rng, so snapshotMethod/restoreMethod
 * (methods/state.ts) pause and resume it exactly.
 */
import type { Rng } from '../random/rng';
import { narrowParams } from '../params/narrow';
import type { AnyParams, ParamSpecs, ParamValues } from '../params/spec';
import type { MethodState } from '../stateful/state';
import type { ViewSpec } from '../views';

export interface SamplerContext<P> {
  numTasks: number;
  /** Training samples per task (shared inputs: all equal, the size of the one pool). */
  counts: readonly number[];
  /** Slots per task per step; at most the smallest count (build-model.ts checks it). */
  batchSize: number;
  sharedInputs: boolean;
  params: P;
  /** The sampler's own random stream (the trainer's `rng.fork('batches')`, as for EpochSampler). */
  rng: Rng;
}

/** What the trainer tells the sampler before each step. */
export interface SamplerFeedback {
  /** The trainer's 0-based step index. */
  step: number;
  /**
   * Latest known mean train loss per task (may be a few steps stale); undefined before the first report.
   * For a task that sat the measured step out: the plain mean over its slots (they hold real samples, its
   * next unused ones) if the trainer computes it, else its last known value.
   */
  taskLosses?: readonly number[] | undefined;
  /**
   * The step whose batch gave `taskLosses` (measured before that step's update), when the trainer knows
   * it: tells a fresh report from a repeated one and which steps it reflects. Without it, a report counts
   * as fresh when any value changed, and as reflecting the steps since the previous one arrived.
   */
  taskLossesStep?: number | undefined;
  /** Each task's loss at the start of training, when known (else the first `taskLosses` stand in). */
  initialLosses?: readonly number[] | undefined;
  /**
   * Per task, the train loss of every sample of its pool (length counts[t]), for strategies that declare
   * `sampleLossesEvery`: supplied on the instance's first call and then every that many calls.
   */
  sampleLosses?: readonly Float32Array[] | undefined;
}

export interface StepPlan {
  /** Per task, exactly batchSize sample indices into that task's pool (shared inputs: all identical). */
  indices: Int32Array[];
  /** Per task, batchSize weights of the slots in that task's mean loss: 1 real, 0 padding. */
  sampleWeights: Float32Array[];
  /** Tasks that contribute to this step (some weight > 0). */
  active: boolean[];
}

/** Telemetry for a chart of task shares over time: fractions of the real (weight > 0) samples. */
export interface TaskShares {
  /** Since the instance was created; sums to 1 (all 0 before the first step). */
  total: number[];
  /** Exponential moving average over about the last RECENT_STEPS steps; sums to 1. */
  recent: number[];
}

export interface SamplerInstance {
  /** Plan the next step. Call once per training step, in order. */
  next(feedback: SamplerFeedback): StepPlan;
  shares(): TaskShares;
  /** Everything the instance carries across steps (JS boxes only; no tensors). */
  readonly state: MethodState;
}

export interface SamplerDefinition<S extends ParamSpecs = ParamSpecs> {
  id: string;
  label: string;
  /** One or two sentences for the UI's info tip and `cli list`. */
  summary: string;
  citation: string;
  params: S;
  /** True when a step may leave some tasks out (their weights all 0, `active` false). */
  partial: boolean;
  /** True when the strategy reads `taskLosses` / `initialLosses` (so the trainer must feed them back). */
  usesTaskLosses: boolean;
  /** The pictures the app draws for this strategy (task-shares when it changes the shares; none: nothing). */
  views?: ViewSpec[];
  /** Every how many calls the strategy wants `sampleLosses` (absent: never). */
  sampleLossesEvery?: (params: ParamValues<S>) => number;
  create: (ctx: SamplerContext<ParamValues<S>>) => SamplerInstance;
}

/** What the registry holds: the definition with its functions taking a config's untyped parameters. */
export type SamplerEntry = Omit<SamplerDefinition, 'sampleLossesEvery' | 'create'> & {
  sampleLossesEvery?(params: AnyParams): number;
  create(ctx: SamplerContext<AnyParams>): SamplerInstance;
};

/** Erases the definition's parameter type, narrowing the parameters back (`narrowParams`) in each call. */
export function defineSampler<S extends ParamSpecs>(def: SamplerDefinition<S>): SamplerEntry {
  const { sampleLossesEvery, create, ...card } = def;
  const typed = (params: AnyParams) => narrowParams(def.params, params);
  return {
    ...card,
    ...(sampleLossesEvery ? { sampleLossesEvery: (params) => sampleLossesEvery(typed(params)) } : {}),
    create: (ctx) => create({ ...ctx, params: typed(ctx.params) }),
  };
}
