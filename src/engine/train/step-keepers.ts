/**
 * One step through its stages, and what a step keeps for the next report: the trainer (trainer.ts) and
 * the batch of seeds (seed-batch.ts) run their steps the same way. Every tensor a stage makes goes into
 * the step's scope; closing it keeps only the telemetry gradients and the weights, and the previous step's
 * keepers go unless this step kept the very same tensors.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { StepScope } from './step-scope';
import type { StepState } from './step-stages';

/** The last step's task gradients [R, T, P] (what a report's statistics describe) and weights [R, T]. */
export class StepKeepers {
  grads: tf.Tensor3D | null = null;
  weights: tf.Tensor2D | null = null;

  replace(grads: tf.Tensor3D | null, weights: tf.Tensor2D | null): void {
    if (this.grads !== grads) this.grads?.dispose();
    if (this.weights !== weights) this.weights?.dispose();
    this.grads = grads;
    this.weights = weights;
  }

  dispose(): void {
    this.replace(null, null);
  }
}

export interface Stage<E> {
  run(state: StepState, env: E, scope: StepScope): void | Promise<void>;
}

/** Run step `step` through `stages`; on an error, everything the step made is freed and the error rethrown. */
export async function runStep<E>(
  stages: readonly Stage<E>[],
  env: E,
  step: number,
  keepers: StepKeepers,
): Promise<void> {
  const scope = new StepScope();
  const state: StepState = { step };
  try {
    for (const stage of stages) await stage.run(state, env, scope);
  } catch (error) {
    scope.close();
    throw error;
  }
  const telemetry = state.seen?.telemetry ?? null;
  const weights = state.agg?.weights ?? null;
  scope.close([telemetry, weights]);
  keepers.replace(telemetry, weights);
}
