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
import type { Tensor, Tensor1D, Tensor2D, Tensor3D, Variable } from '@tensorflow/tfjs-core';
import type { AnyParams } from '../params/spec';
import type { Rng } from '../random/rng';
import type { MethodState } from '../stateful/state';
import type { MethodCardEntry } from './card';

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

/** A method as the engine holds it: its card (card.ts) plus `create`, made by `implementMethod`. */
export interface MethodEntry extends MethodCardEntry {
  create(ctx: MethodContext<AnyParams>): MethodInstance;
}
