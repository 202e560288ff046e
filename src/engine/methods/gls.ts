/**
 * Geometric Loss Strategy. Chennupati, Sistu, Yogamani & Rawashdeh, "MultiNet++: Multi-Stream Feature
 * Aggregation and Geometric Loss Strategy for Multi-Task Learning", CVPR Workshops 2019, arXiv:1904.08492;
 * LibMTL/weighting/GLS.py.
 *
 * Minimises the geometric mean of the task losses, G = (Π_t L_t)^{1/T}. Its gradient is
 *   ∇G = Σ_t G / (T L_t) · g_t,   so the task weights are w_t = G / (T L_t),
 * computed in log space (G = exp(mean_t log L_t)) so that a product of many small or large losses neither
 * underflows nor overflows. A task whose loss is small gets a large weight: the strategy balances the
 * relative, not the absolute, loss decrease (scaling one loss by c scales the update by c^{1/T} only).
 * (LibMTL returns L_t / (T Π L) as the weights it logs; its update is the gradient of G, as here.)
 * Scale: 'mean' (equal losses give weights 1/T: the mean gradient).
 *
 * The geometric mean needs positive losses. A loss ≤ 0 (the CAGrad toy's can be negative) makes all the
 * replica's weights NaN on purpose, without a readback: the trainer then stops the run with an error
 * naming the method ("produced a non-finite update"), instead of training on a meaningless objective.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MethodState } from '../stateful/state';
import { implementMethod } from './implement';
import { weightedSum } from './common';
import { glsCard } from './gls.card';

export const gls = implementMethod(glsCard, {
  create: ({ numTasks: T }) => ({
    aggregate: ({ grads, losses }) =>
      tf.tidy(() => {
        const logLoss = tf.log(losses);
        const logWeights = tf.sub(tf.mean(logLoss, 1, true), logLoss); // log(G / L_t)
        // Every weight of a replica with a non-positive loss is NaN (a zero loss alone would give 0 and NaN).
        const weights = tf.where<tf.Tensor2D>(
          tf.greater(tf.min(losses, 1, true), 0).tile([1, T]),
          tf.div(tf.exp(logWeights), T),
          tf.fill(losses.shape, NaN),
        );
        return { direction: weightedSum(weights, grads), weights };
      }),
    trainables: [],
    state: new MethodState(),
    dispose: () => {},
  }),
});
