/**
 * What a sparsifier's message decodes to: the chosen coordinates of each row with their values (times
 * `scale`), zeros elsewhere. Shared by top-k and random-k, which differ only in how they choose.
 */
import * as tf from '@tensorflow/tfjs-core';

/** u [rows, P] kept at `columns` [rows, k] (int32) only, scaled by `scale`. */
export function keepColumns(u: tf.Tensor2D, columns: tf.Tensor2D, scale = 1): tf.Tensor2D {
  return tf.tidy(() => {
    const [rows, P] = u.shape;
    const k = columns.shape[1];
    const rowOf = tf.tile(tf.reshape(tf.range(0, rows, 1, 'int32'), [rows, 1]), [1, k]);
    const at = tf.reshape(tf.stack([rowOf, tf.cast(columns, 'int32')], 2), [rows * k, 2]);
    const values = tf.gatherND(u, at) as tf.Tensor1D;
    return tf.scatterND<tf.Rank.R2>(at, scale === 1 ? values : tf.mul(values, scale), [rows, P]);
  });
}

/** Bits of a sparse message of k entries: a 32-bit value and a 32-bit index each. */
export const sparseBits = (k: number): number => 64 * k;
