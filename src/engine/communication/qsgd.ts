/**
 * QSGD (Alistarh et al., NeurIPS 2017, eq. 1): for a message v with s levels,
 *   Q(v_i) = ‖v‖₂ · sign(v_i) · ξ_i,   ξ_i = (l+1)/s with probability r − l, else l/s,
 * where r = s·|v_i|/‖v‖₂ and l = ⌊r⌋. E[ξ_i] = |v_i|/‖v‖₂, so E[Q(v)] = v (unbiased). The uniforms come from
 * the channel's seeded stream, so a resumed run draws the same ones.
 * Bits: the paper's Elias coding is shorter for small s; we count the simple fixed-width code: a 32-bit
 * norm, then per entry one sign bit and ⌈log₂(s+1)⌉ bits for the level.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../random/rng';
import type { Compressor, CompressorFactory } from './types';

export function qsgd(u: tf.Tensor2D, levels: number, rng: Rng): tf.Tensor2D {
  const [rows, P] = u.shape;
  const uniforms = rng.uniformArray(rows * P, 0, 1);
  return tf.tidy(() => {
    const norm = tf.norm(u, 'euclidean', 1, true);
    // A zero message quantises to zero (no division by its norm).
    const r = tf.mul(tf.divNoNan(tf.abs(u), norm), levels);
    const l = tf.floor(r);
    const up = tf.less(tf.tensor2d(uniforms, [rows, P]), tf.sub(r, l));
    const xi = tf.div(tf.where(up, tf.add(l, 1), l), levels);
    return tf.mul<tf.Tensor2D>(tf.mul(norm, tf.sign(u)), xi);
  });
}

export const qsgdBits = (levels: number, P: number): number =>
  32 + P * (1 + Math.ceil(Math.log2(levels + 1)));

export const createQsgd: CompressorFactory = (params, { numShared, rng }): Compressor => {
  const levels = params.levels as number;
  return { compress: (u) => qsgd(u, levels, rng), bitsPerMessage: qsgdBits(levels, numShared) };
};
