/**
 * Optimizers over a FIXED, ordered list of variables (tfjs's own optimizers key their slots by position in
 * the gradient list, not by name: tfjs issues 4290 and 8379). Constants live on the device as tensors, so a
 * step uploads nothing (DESIGN.md §3); the learning rate is a variable so it can change mid-run.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Selection } from '../config/types';
import { createAdam } from './adam';
import { createSgd } from './sgd';

export interface Optimizer {
  /** One update: variables[i] descends along grads[i] (same order as at creation). */
  apply(grads: readonly tf.Tensor[]): void;
  setLearningRate(lr: number): void;
  dispose(): void;
}

export function createOptimizer(
  selection: Selection,
  learningRate: number,
  variables: readonly tf.Variable[],
): Optimizer {
  const p = selection.params;
  switch (selection.id) {
    case 'adam':
      return createAdam(variables, learningRate, {
        beta1: p.beta1 as number,
        beta2: p.beta2 as number,
        eps: p.eps as number,
      });
    case 'sgd':
      return createSgd(variables, learningRate, { momentum: p.momentum as number });
    default:
      throw new Error(`unknown optimizer '${selection.id}'`);
  }
}
