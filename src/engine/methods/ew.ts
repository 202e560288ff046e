/**
 * Equal weighting: the plain sum of the task losses, the baseline every multi-task method is compared with.
 * Caruana, "Multitask Learning", Machine Learning 28(1), 1997 (no arXiv id); LibMTL's EW.py.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MethodState } from '../stateful/state';
import { implementMethod } from './implement';
import { weightedSum } from './common';
import { ewCard } from './ew.card';

export const ew = implementMethod(ewCard, {
  create: ({ numTasks, numReplicas }) => ({
    aggregate: ({ grads }) => {
      const weights = tf.ones<tf.Rank.R2>([numReplicas, numTasks]);
      // A matMul, not tf.sum over the task axis: WebGPU's reduce spends a workgroup per output element,
      // one per parameter here (20x slower on SwiftShader, measured in bench:browser).
      return { direction: weightedSum(weights, grads), weights };
    },
    trainables: [],
    state: new MethodState(),
    dispose: () => {},
  }),
});
