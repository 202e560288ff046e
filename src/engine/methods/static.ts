/**
 * Static weights: a fixed, user-chosen weighted sum Σ_t w_t L_t (the hand-tuned baseline of, e.g.,
 * Kendall et al. CVPR 2018 Table 1). Caruana, "Multitask Learning", Machine Learning 28(1), 1997.
 */
import * as tf from '@tensorflow/tfjs';
import { checkPerTaskLength, numList } from '../params/spec';
import { weightedSum } from './common';
import { MethodState } from './state';
import { defineMethod } from './types';

export const staticWeights = defineMethod({
  id: 'static',
  label: 'Static weights',
  group: 'loss-weighting',
  summary: 'Minimises a fixed weighted sum of the task losses with weights you choose, one per task.',
  citation: 'Caruana, "Multitask Learning", Machine Learning 28(1), 1997',
  scale: 'sum',
  params: {
    weights: numList({
      label: 'Task weights',
      help: 'One weight per task, in task order; leave empty for 1 on every task (the same as equal weights).',
      default: [],
      min: 0,
      max: 1000,
      minLength: 0,
      maxLength: 16,
    }),
  },
  stateful: false,
  stochastic: false,
  check: (params, { numTasks }) => checkPerTaskLength(params.weights, 'weights', numTasks, true),
  create: ({ numTasks, numReplicas, params }) => {
    const perTask = params.weights.length ? params.weights : new Array<number>(numTasks).fill(1);
    if (perTask.length !== numTasks)
      throw new Error(`static: expected ${numTasks} weights, got ${perTask.length}`);
    // Uploaded once; every step hands the caller its own copy.
    const base = tf.tidy(() => tf.tile(tf.tensor2d(perTask, [1, numTasks]), [numReplicas, 1]) as tf.Tensor2D);
    return {
      aggregate: ({ grads }) => ({ direction: weightedSum(base, grads), weights: base.clone() }),
      trainables: [],
      state: new MethodState(),
      dispose: () => base.dispose(),
    };
  },
});
