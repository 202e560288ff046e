/**
 * DB-MTL (Dual-Balancing Multi-Task Learning). Lin, Jiang, Ye, Zhang, Chen, Chen, Liu & Kwok,
 * "Dual-Balancing for Multi-Task Learning", arXiv:2308.12029 (2023); LibMTL/weighting/DB_MTL.py.
 *
 * Two balances:
 * - loss scale: each task trains on log(L_t + ε) (ε = 1e-8), whose gradient is g_t / (L_t + ε), so a task's
 *   loss unit no longer matters;
 * - gradient magnitude: an exponential moving average m_t of each log-loss gradient (LibMTL: zeros at
 *   first, m ← ĝ + β/k^σ · (m − ĝ) at the k-th step, no bias correction), and every task gets the
 *   largest average norm: α_t = max_j |m_j| / |m_t| (LibMTL adds 1e-8 to |m_t|; we keep α_t = 1
 *   where |m_t| = 0 instead).
 * Direction = Σ_t α_t m_t, as LibMTL: every averaged log-loss gradient rescaled to the largest norm. It
 * combines the AVERAGED gradients, so it is not Σ w_t g_t of this step's gradients (the registry test
 * skips that identity: notWeightedSum), except with β = 0. As m starts at 0 without bias correction,
 * the first steps are shorter (the very first one by the factor 1 − β), as in LibMTL.
 * Weights reported (and applied by the trainer to each task's head): w_t = α_t / (L_t + ε), the weights
 * of the direction with β = 0. LibMTL's heads get the plain log-loss gradient g_t / (L_t + ε), so here
 * the heads learn α_t times as fast.
 * Scale: 'sum' (the task with the largest averaged gradient gets α = 1, the others more).
 * Needs positive losses: a loss ≤ −ε gives NaN weights, which stops the run naming the method.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceState } from '../stateful/device-state';
import { implementMethod } from './implement';
import { weightedSum } from './common';
import { dbMtlCard } from './db-mtl.card';

const LOG_EPSILON = 1e-8;

export const dbMtl = implementMethod(dbMtlCard, {
  create: ({ numTasks: T, numReplicas: R, numShared: P, params }) => {
    const state = new DeviceState();
    const average = state.variable('average', [R, T, P], 0);
    const calls = state.box('calls', 0);
    return {
      aggregate: ({ grads, losses }) =>
        tf.tidy(() => {
          calls.value++;
          const shifted = tf.add(losses, LOG_EPSILON);
          const inverse = tf.where(tf.greater(shifted, 0), tf.div(1, shifted), tf.fill([R, T], NaN));
          const logGrads = tf.mul(grads, inverse.expandDims(2)); // ∇ log(L_t + ε)
          const keep = params.beta / calls.value ** params.betaSigma;
          const next = tf.add(logGrads, tf.mul(keep, tf.sub(average, logGrads)));
          average.assign(next);
          const norms = tf.sqrt(tf.sum(tf.square(next), 2));
          // A zero average (nothing shared, or a task with no shared gradient) keeps α = 1: LibMTL's
          // max/(0 + 1e-8) would be harmless on θ but would reach that task's head through the weights.
          const alpha = tf.where(
            tf.greater(norms, 0),
            tf.div(tf.max(norms, 1, true), norms),
            tf.onesLike(norms),
          );
          const weights = tf.mul<tf.Tensor2D>(alpha, inverse);
          return { direction: weightedSum(alpha as tf.Tensor2D, next as tf.Tensor3D), weights };
        }),
      trainables: [],
      state,
      dispose: () => state.dispose(),
    };
  },
});
