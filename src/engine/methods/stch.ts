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
import * as tf from '@tensorflow/tfjs';
import { int, num } from '../params/spec';
import { weightedSum } from './common';
import { MethodState } from './state';
import { defineMethod } from './types';

const LOG_EPSILON = 1e-20;

/** 1 / x where x > 0, NaN elsewhere (the logarithm the weights differentiate is undefined there). */
const inverseOrNaN = (x: tf.Tensor): tf.Tensor =>
  tf.where(tf.greater(x, 0), tf.div(1, x), tf.fill(x.shape, NaN));

export const stch = defineMethod({
  id: 'stch',
  label: 'Smooth Tchebycheff',
  group: 'loss-weighting',
  summary:
    'Minimises a smooth maximum of the log-losses, each relative to its average during a warm-up: the task that is worst off relative to that point gets most of the weight. Needs positive losses.',
  citation:
    'Lin, Zhang, Yang, Liu, Wang & Zhang, "Smooth Tchebycheff Scalarization for Multi-Objective Optimization", ICML 2024, arXiv:2402.19078',
  scale: 'sum',
  params: {
    mu: num({
      label: 'μ (smoothing)',
      help: 'Smoothing of the maximum: small μ follows the worst task only (Tchebycheff), large μ weighs the log-losses equally. LibMTL’s default is 1.',
      default: 1,
      min: 0.001,
      max: 1000,
      scale: 'log',
    }),
    warmup: int({
      label: 'Warm-up (steps)',
      help: 'Steps of plain log-loss training before the nadir is measured. LibMTL warms up for 4 epochs; 200 steps play 4 epochs of 50.',
      default: 200,
      min: 0,
      max: 100_000,
    }),
    nadirSteps: int({
      label: 'Nadir steps',
      help: 'Steps after the warm-up (still plain log-loss training) whose mean losses become the nadir point that each loss is measured against. LibMTL averages one epoch.',
      default: 50,
      min: 1,
      max: 100_000,
    }),
  },
  stateful: true,
  stochastic: false,
  create: ({ numTasks: T, numReplicas: R, params }) => {
    const state = new MethodState();
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
            weights = tf.mul(tf.mul(T, softmax), inverse) as tf.Tensor2D;
          }
          return { direction: weightedSum(weights, grads), weights };
        }),
      trainables: [],
      state,
      dispose: () => state.dispose(),
    };
  },
});
