/**
 * Scaled sign compression: C(g) = (‖g‖₁ / P) · sign(g), one bit per entry plus one fp32 scale per message.
 * Seide et al., "1-Bit SGD", Interspeech 2014 (1 bit per entry, with error feedback); Bernstein et al.,
 * "signSGD", ICML 2018 (the sign alone); the scale ‖g‖₁/P = mean |g| is Karimireddy et al., ICML 2019
 * (Algorithm 1, EF-SignSGD), which keeps C a contraction so error feedback converges.
 * A zero entry sends +1: one bit has no third value.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Compressor, CompressorFactory } from './types';

/** (mean |u| per row) · sign(u), zero counted as +. */
export function scaledSign(u: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const scale = tf.mean(tf.abs(u), 1, true);
    return tf.mul(scale, tf.where(tf.greaterEqual(u, 0), tf.onesLike(u), tf.fill(u.shape, -1)));
  });
}

export const createSign: CompressorFactory = (_params, { numShared }): Compressor => ({
  compress: scaledSign,
  bitsPerMessage: numShared + 32,
});
