/**
 * GradNorm. Chen, Badrinarayanan, Lee & Rabinovich, "GradNorm: Gradient Normalization for Adaptive Loss
 * Balancing in Deep Multitask Networks", ICML 2018, arXiv:1711.02257.
 *
 * As LibMTL/weighting/GradNorm.py: weights w = T·softmax(s) with learnable s (initialised to 1, so w = 1;
 * the softmax keeps Σw = T without the paper's renormalisation step). Each step:
 *   G_t = |w_t g_t| over all shared parameters,  r_t = (L_t / L_t(0)) / mean_j (L_j / L_j(0)),
 *   L_grad = Σ_t |G_t − mean_j(G_j) · r_t^α|, the target held constant,
 * and ∂L_grad/∂s goes out through trainableGrads (tf.grads of a small function of s, norms constant).
 * L(0) is the loss of the first step this instance sees (LibMTL: the first epoch's mean, and it keeps
 * w = 1 for that epoch; here the first step already balances, with r = 1).
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceState } from '../stateful/device-state';
import { implementMethod } from './implement';
import { weightedSum } from './common';
import { gradnormCard } from './gradnorm.card';

export const gradnorm = implementMethod(gradnormCard, {
  create: ({ numTasks, numReplicas, params }) => {
    const shape: [number, number] = [numReplicas, numTasks];
    const state = new DeviceState();
    const logits = state.variable('logits', shape, 1, true);
    const initialLoss = state.variable('initialLoss', shape, 1);
    const seenFirst = state.box('seenFirst', 0); // 0/1: L(0) recorded
    const weightsOf = (s: tf.Tensor): tf.Tensor2D => tf.mul<tf.Tensor2D>(numTasks, tf.softmax(s));
    return {
      aggregate: ({ grads, losses }) =>
        tf.tidy(() => {
          if (!seenFirst.value) {
            initialLoss.assign(losses);
            seenFirst.value = 1;
          }
          const weights = weightsOf(logits);
          const norms = tf.sqrt(tf.sum(tf.square(grads), 2)); // |g_t| per replica and task
          const ratio = tf.div(losses, initialLoss);
          const relative = tf.div(ratio, tf.mean(ratio, 1, true));
          const target = tf.mul(tf.mean(tf.mul(weights, norms), 1, true), tf.pow(relative, params.alpha));
          const lossOfLogits = (s: tf.Tensor): tf.Scalar =>
            tf.sum(tf.abs(tf.sub(tf.mul(weightsOf(s), norms), target)));
          const [logitsGrad] = tf.grads(lossOfLogits)([logits]);
          if (!logitsGrad) throw new Error('gradnorm: no gradient for the weight logits');
          return { direction: weightedSum(weights, grads), weights, trainableGrads: [logitsGrad] };
        }),
      trainables: [logits],
      state,
      dispose: () => state.dispose(),
    };
  },
});
