/**
 * Coordinate-wise trimmed mean. Yin, Chen, Kannan & Bartlett, "Byzantine-Robust Distributed Learning:
 * Towards Optimal Statistical Rates", ICML 2018, arXiv:1803.01498 (Definition 2); torchjd's
 * aggregation/trimmed_mean.py.
 *
 * In every coordinate k of θ, sort the T task values g_tk, drop the `trim` largest and the `trim` smallest,
 * and average the T − 2·trim that remain (scale 'mean': trim = 0 is the mean gradient; T = 3 with trim = 1
 * is the coordinate-wise median). One huge entry can move the result only as far as the kept values reach.
 *
 * On the device without a sort: the rank of g_tk in its column is #{s : g_sk < g_tk} + #{s < t : g_sk = g_tk}
 * (ties go to the lower task index, so exactly T − 2·trim values are kept in every column), from one
 * [R, T, T, P] comparison: fine for the playground's T ≤ 8.
 *
 * Weights: the trimmed mean has no task weight vector (each coordinate keeps its own tasks), so `weights`
 * reports task t's per-coordinate weight averaged over the coordinates: (fraction of coordinates in which
 * t was kept) / (T − 2·trim). They sum to 1, are exactly 1/T for trim = 0, and say how often each task
 * survived the trimming; direction = Σ_t w_t g_t does NOT hold in general.
 * `check` requires T > 2·trim, as torchjd; an instance created anyway trims at most ⌊(T − 1)/2⌋.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MethodState } from '../stateful/state';
import { implementMethod } from './implement';
import { trimmedMeanCard } from './trimmed-mean.card';

/** Trimmed mean over the task axis of [R, T, P], with the kept-fraction weights (see the header). */
export function trimColumns(
  grads: tf.Tensor3D,
  trim: number,
): { direction: tf.Tensor2D; weights: tf.Tensor2D } {
  return tf.tidy(() => {
    const [, T, P] = grads.shape;
    const kept = T - 2 * trim;
    const mine = grads.expandDims(2); // [R, T, 1, P]: g_tk
    const others = grads.expandDims(1); // [R, 1, T, P]: g_sk
    const lowerIndex = tf.tensor2d(
      Array.from({ length: T }, (_, t) => Array.from({ length: T }, (_, s) => (s < t ? 1 : 0))),
    ); // [t, s]
    const below = tf.cast(tf.less(others, mine), 'float32');
    const tiedBefore = tf.mul(tf.cast(tf.equal(others, mine), 'float32'), lowerIndex.reshape([1, T, T, 1]));
    const rank = tf.sum(tf.add(below, tiedBefore), 2); // [R, T, P]
    const keep = tf.cast(tf.logicalAnd(tf.greaterEqual(rank, trim), tf.less(rank, T - trim)), 'float32');
    const direction = tf.div<tf.Tensor2D>(tf.sum(tf.mul(keep, grads), 1), kept);
    // Nothing shared (P = 0): no coordinate to count, and by symmetry each task is kept kept/T of the
    // time, so its weight is 1/T (the fraction would be 0/0).
    const weights =
      P === 0
        ? tf.fill<tf.Rank.R2>([grads.shape[0], T], 1 / T)
        : tf.div<tf.Tensor2D>(tf.sum(keep, 2), kept * P);
    return { direction, weights };
  });
}

export const trimmedMean = implementMethod(trimmedMeanCard, {
  create: ({ numTasks: T, params }) => {
    const trim = Math.min(params.trim, Math.floor((T - 1) / 2));
    return {
      aggregate: ({ grads }) => trimColumns(grads, trim),
      trainables: [],
      state: new MethodState(),
      dispose: () => {},
    };
  },
});
