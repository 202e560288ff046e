/**
 * The optimizer contract, and how a catalogue card (config/optimizers.ts) becomes an implementation: the
 * card's spec types the parameters `create` receives, narrowed once when the optimizer is built.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { OptimizerCard } from '../config/optimizers';
import type { MethodState } from '../stateful/state';
import { narrowParams } from '../params/narrow';
import type { AnyParams, ParamSpecs, ParamValues } from '../params/spec';

/** Updates a FIXED, ordered list of variables (the one given at creation). */
export interface Optimizer {
  /** One update: variables[i] descends along grads[i] (same order as at creation). */
  apply(grads: readonly tf.Tensor[]): void;
  setLearningRate(lr: number): void;
  /**
   * Everything it carries between steps (moments, momentum buffers, step powers), in one state object so a
   * checkpoint saves and restores it like a method's (train/checkpoint.ts).
   */
  readonly state: MethodState;
  dispose(): void;
}

/** What the registry holds: the card, with `create` taking validated but untyped parameters. */
export interface OptimizerEntry extends OptimizerCard {
  create(variables: readonly tf.Variable[], learningRate: number, params: AnyParams): Optimizer;
}

export function implementOptimizer<S extends ParamSpecs>(
  card: OptimizerCard<S>,
  impl: {
    create(variables: readonly tf.Variable[], learningRate: number, params: ParamValues<S>): Optimizer;
  },
): OptimizerEntry {
  return {
    ...card,
    create: (variables, learningRate, params) =>
      impl.create(variables, learningRate, narrowParams(card.params, params)),
  };
}
