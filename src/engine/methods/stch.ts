/**
 * Smooth Tchebycheff scalarisation. Lin, Zhang, Yang, Liu, Wang & Zhang, "Smooth Tchebycheff Scalarization
 * for Multi-Objective Optimization", ICML 2024, arXiv:2402.19078; LibMTL/weighting/STCH.py (the same as
 * the authors' Xi-L/STCH STCH_MTL/LibMTL/weighting/STCH.py).
 *
 * The Tchebycheff scalarisation minimises the worst task, max_t f_t; its smooth version replaces the max
 * by μ·log Σ_t exp(f_t / μ), which tends to the max as μ → 0 and to the mean plus a constant as μ → ∞.
 * LibMTL takes f_t = log(L_t / n_t + 1e-20), each loss relative to a "nadir" point n_t, and minimises
 * T·μ·log Σ_t exp(f_t / μ). Its gradient weighs task t by
 *   w_t = T · softmax_t(f / μ) / (L_t + 1e-20 n_t),
 * so the task furthest above its nadir (relatively) dominates, the more so the smaller μ.
 * Three phases (LibMTL counts epochs; we count this instance's steps, as dwa.ts does):
 * - `warmup` steps of Σ_t log(L_t + 1e-20), weights 1 / (L_t + 1e-20) (LibMTL: 4 epochs);
 * - `nadirSteps` more such steps whose losses are averaged into the nadir n (LibMTL: the 5th epoch);
 * - from then on, the smooth Tchebycheff weights above.
 * Scale: 'sum' (on the log-losses the weights sum to T; warm-up: each log-loss weighs 1).
 * Needs positive losses (log): a negative loss gives NaN weights, which stops the run naming the method.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceState } from '../stateful/device-state';
import { implementMethod } from './implement';
import { weightedSum } from './common';
import { stchCard } from './stch.card';

const LOG_EPSILON = 1e-20;

/** 1 / x where x > 0, NaN elsewhere (the logarithm the weights differentiate is undefined there). */
const inverseOrNaN = (x: tf.Tensor): tf.Tensor =>
  tf.where(tf.greater(x, 0), tf.div(1, x), tf.fill(x.shape, NaN));

export const stch = implementMethod(stchCard, {
  create: ({ numTasks: T, numReplicas: R, params }) => {
    const state = new DeviceState();
    const nadirSum = state.variable('nadirSum', [R, T], 0);
    const calls = state.box('calls', 0);
    return {
      aggregate: ({ grads, losses }) =>
        tf.tidy(() => {
          const step = calls.value++;
          let weights: tf.Tensor2D;
          if (step < params.warmup + params.nadirSteps) {
            weights = inverseOrNaN(tf.add(losses, LOG_EPSILON)) as tf.Tensor2D;
            if (step >= params.warmup) nadirSum.assign(tf.add(nadirSum, losses));
          } else {
            const nadir = tf.div(nadirSum, params.nadirSteps);
            const relative = tf.add(tf.div(losses, nadir), LOG_EPSILON);
            const softmax = tf.softmax(tf.div(tf.log(relative), params.mu)); // over the tasks
            // d/dL log(L/n + 1e-20) = 1 / (L + 1e-20 n).
            const inverse = inverseOrNaN(tf.mul(relative, nadir));
            weights = tf.mul<tf.Tensor2D>(tf.mul(T, softmax), inverse);
          }
          return { direction: weightedSum(weights, grads), weights };
        }),
      trainables: [],
      state,
      dispose: () => state.dispose(),
    };
  },
});
