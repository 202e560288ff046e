/**
 * Uncertainty weighting. Kendall, Gal & Cipolla, "Multi-Task Learning Using Uncertainty to Weigh Losses
 * for Scene Geometry and Semantics", CVPR 2018, arXiv:1705.07115.
 *
 * LibMTL's form (LibMTL/weighting/UW.py), one learnable log-variance s_t per task and replica:
 *   L = Σ_t L_t / (2 e^{s_t}) + s_t / 2,  s initialised to −0.5 as in LibMTL,
 * so the task weights are w_t = 1 / (2 e^{s_t}) and ∂L/∂s_t = 1/2 − w_t L_t, computed in closed form
 * instead of through autodiff. The paper's regression form; LibMTL uses it for every task type.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceState } from '../stateful/device-state';
import { implementMethod } from './implement';
import { weightedSum } from './common';
import { uwCard } from './uw.card';

/** LibMTL's initial log-variance: weights start at e^{0.5}/2 ≈ 0.82. */
export const UW_INITIAL_LOG_VARIANCE = -0.5;

export const uw = implementMethod(uwCard, {
  create: ({ numTasks, numReplicas }) => {
    const state = new DeviceState();
    const logVariance = state.variable('logVariance', [numReplicas, numTasks], UW_INITIAL_LOG_VARIANCE, true);
    return {
      aggregate: ({ grads, losses }) =>
        tf.tidy(() => {
          const weights = tf.div<tf.Tensor2D>(0.5, tf.exp(logVariance));
          const logVarianceGrad = tf.sub(0.5, tf.mul(weights, losses));
          return { direction: weightedSum(weights, grads), weights, trainableGrads: [logVarianceGrad] };
        }),
      trainables: [logVariance],
      state,
      dispose: () => state.dispose(),
    };
  },
});
