/**
 * Static weights: a fixed, user-chosen weighted sum Σ_t w_t L_t (the hand-tuned baseline of, e.g.,
 * Kendall et al. CVPR 2018 Table 1). Caruana, "Multitask Learning", Machine Learning 28(1), 1997.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MethodState } from '../stateful/state';
import { implementMethod } from './implement';
import { weightedSum } from './common';
import { staticWeightsCard } from './static.card';

export const staticWeights = implementMethod(staticWeightsCard, {
  create: ({ numTasks, numReplicas, params }) => {
    const perTask = params.weights.length ? params.weights : new Array<number>(numTasks).fill(1);
    if (perTask.length !== numTasks)
      throw new Error(`static: expected ${numTasks} weights, got ${perTask.length}`);
    // Uploaded once; every step hands the caller its own copy.
    const base = tf.tidy(() => tf.tile<tf.Tensor2D>(tf.tensor2d(perTask, [1, numTasks]), [numReplicas, 1]));
    return {
      aggregate: ({ grads }) => ({ direction: weightedSum(base, grads), weights: base.clone() }),
      trainables: [],
      state: new MethodState(),
      dispose: () => base.dispose(),
    };
  },
});
