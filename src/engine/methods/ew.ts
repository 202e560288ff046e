/**
 * Equal weighting: the plain sum of the task losses, the baseline every multi-task method is compared with.
 * Caruana, "Multitask Learning", Machine Learning 28(1), 1997 (no arXiv id); LibMTL's EW.py.
 */
import * as tf from '@tensorflow/tfjs';
import { weightedSum } from './common';
import { MethodState } from './state';
import { defineMethod } from './types';

export const ew = defineMethod({
  id: 'ew',
  label: 'Equal weights',
  group: 'loss-weighting',
  summary: 'Minimises the plain sum of the task losses: every task gradient counts once. The baseline.',
  citation: 'Caruana, "Multitask Learning", Machine Learning 28(1), 1997',
  scale: 'sum',
  params: {},
  stateful: false,
  stochastic: false,
  create: ({ numTasks, numReplicas }) => ({
    aggregate: ({ grads }) => {
      const weights = tf.ones([numReplicas, numTasks]) as tf.Tensor2D;
      // A matMul, not tf.sum over the task axis: WebGPU's reduce spends a workgroup per output element,
      // one per parameter here (20x slower on SwiftShader, measured in bench:browser).
      return { direction: weightedSum(weights, grads), weights };
    },
    trainables: [],
    state: new MethodState(),
    dispose: () => {},
  }),
});
