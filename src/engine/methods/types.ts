/**
 * Gradient method contract (after torchjd's Aggregator): the task-gradient matrix G of the shared
 * parameters, the task losses, the step and the method's own state in; the shared update direction, the
 * task weights it implies and (for methods with learnable parameters) their gradients out.
 *
 * Everything is batched over R independent replicas (R = 1 for networks; R = number of start points for
 * the toy, whose points train side by side): G is [R, T, P], losses [R, T], direction [R, P], weights [R, T].
 * Replicas never mix: a method must treat each replica as its own problem.
 *
 * Loss-weighting methods use the same contract: direction = Σ_t w_t g_t, which is exactly the gradient of
 * Σ_t w_t L_t. The trainer applies the direction to θ with the optimizer; task-specific parameters get
 * their own task's gradient, scaled by w_t for loss-weighting methods and unscaled for the others.
 */
import type { Tensor, Tensor1D, Tensor2D, Tensor3D, Variable } from '@tensorflow/tfjs';
import type { Rng } from '../random/rng';
import type { AnyParams, ConfigIssue, ParamSpecs, ParamValues } from '../params/spec';
import type { MethodState } from './state';

export interface MethodContext<P> {
  numTasks: number;
  numReplicas: number;
  /** P: length of the shared parameter vector. */
  numShared: number;
  params: P;
  /** The method's own random stream (seeded from the config). */
  rng: Rng;
}

export interface AggregateInput {
  /** [R, T, P]: row t is ∇θ L_t for the shared parameters θ. */
  grads: Tensor3D;
  /** [R, T]: this step's task losses. */
  losses: Tensor2D;
  /** [R, T, Z]: gradients with respect to the shared representation, when `needsRepGrads(params)`. */
  repGrads?: Tensor3D;
  /** 0-based index of the training step. */
  step: number;
  /**
   * [R, T] this batch's key performance indicator per task in [0, 1] (accuracy for classification, R²
   * clamped to [0, 1] for regression), when `needsKpis`: Dynamic Task Prioritization weighs by it.
   */
  kpis?: Tensor2D;
  /**
   * [T] 1 where the task had samples this step, 0 where the sampling strategy left it out (see
   * `partialTasks`); absent when every task is active.
   */
  active?: Tensor1D;
}

export interface Aggregation {
  /** [R, P] update direction for θ (the optimizer descends along it). */
  direction: Tensor2D;
  /** [R, T] the task weights the method applied (for methods that are not weightings: the implied ones). */
  weights: Tensor2D;
  /** Gradients for `trainables`, in order (e.g. the log-variances of uncertainty weighting). */
  trainableGrads?: Tensor[];
}

export interface MethodInstance {
  /**
   * Combine the task gradients. Returned tensors belong to the caller; inputs are not disposed. Must not
   * leak intermediates. May be async when it reads back a small T x T problem to solve in JS.
   */
  aggregate(input: AggregateInput): Aggregation | Promise<Aggregation>;
  /** The method's learnable parameters, trained by the trainer's optimizer with `trainableGrads`. */
  readonly trainables: Variable[];
  /**
   * Everything the method carries from one step to the next (trainables included): nothing may live in
   * closures instead, so snapshotMethod/restoreMethod can pause, resume and replay it. Empty when stateless.
   */
  readonly state: MethodState;
  /** Frees the state's tensors (and anything else the method allocated). */
  dispose(): void;
}

export type PartialTaskPolicy = 'skip' | 'reuse' | 'disabled';

/** The policy a method follows on steps that leave tasks out (see MethodDefinition.partialTasks). */
export function partialTaskPolicy(def: {
  group: MethodGroup;
  partialTasks?: PartialTaskPolicy;
}): PartialTaskPolicy {
  return def.partialTasks ?? (def.group === 'loss-weighting' ? 'skip' : 'reuse');
}

export type MethodGroup = 'loss-weighting' | 'gradient-surgery' | 'multi-objective' | 'robust';

export interface MethodDefinition<S extends ParamSpecs = ParamSpecs> {
  id: string;
  label: string;
  group: MethodGroup;
  /** One or two sentences for the UI's info tip and `cli list`. */
  summary: string;
  citation: string;
  /**
   * Scale convention of `direction`: `sum` (Σ w_t g_t with weights around 1, as LibMTL), `mean` (around
   * the mean gradient) or `convex` (weights on the simplex).
   */
  scale: 'sum' | 'mean' | 'convex';
  params: S;
  /** True when `aggregate` needs the per-task KPIs of the batch (`AggregateInput.kpis`). */
  needsKpis?: boolean;
  /**
   * What the method does on a step in which the sampling strategy left some tasks out (their losses and
   * gradients are unknown): `skip` (the trainer passes a zero gradient row and the last known loss, which
   * a loss weighting handles as "no contribution"), `reuse` (the trainer passes the task's last gradient
   * and loss, for methods whose geometry breaks on a zero row: MGDA, Nash-MTL, ...) or `disabled` (the
   * config is refused with a partial strategy). Default: `skip` for loss weighting, else `reuse`.
   */
  partialTasks?: PartialTaskPolicy;
  /** True when `aggregate` needs gradients with respect to the shared representation. */
  needsRepGrads?(params: ParamValues<S>): boolean;
  /** True when the method keeps state across steps (weights history, learnable parameters, ...). */
  stateful: boolean;
  /** True when the method draws random numbers (it then uses ctx.rng, seeded from the config). */
  stochastic: boolean;
  check?(params: ParamValues<S>, ctx: { numTasks: number }): ConfigIssue[];
  create(ctx: MethodContext<ParamValues<S>>): MethodInstance;
}

export type MethodEntry = MethodDefinition<ParamSpecs> & {
  needsRepGrads?(params: AnyParams): boolean;
  check?(params: AnyParams, ctx: { numTasks: number }): ConfigIssue[];
  create(ctx: MethodContext<AnyParams>): MethodInstance;
};

export function defineMethod<S extends ParamSpecs>(def: MethodDefinition<S>): MethodEntry {
  return def as unknown as MethodEntry;
}
