/**
 * fp16: every entry rounded to the nearest IEEE 754 binary16 value, ties to even (Micikevicius et al.,
 * "Mixed Precision Training", ICLR 2018). tfjs has no float16 dtype, so the rounding is done in float32
 * arithmetic, exactly: binary16 has 11 significant bits, so within [2^e, 2^(e+1)) its values are spaced
 * 2^(e−10) (below 2^−14, the subnormals, 2^−24); x / spacing is exact (a power of two) and tf.round rounds
 * halves to even. Magnitudes past the largest half (65504) become ±Infinity, as a cast would make them.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Compressor, CompressorFactory } from './types';

const MAX_HALF = 65504;

/** x rounded to binary16, as float32 values. */
export function roundToHalf<T extends tf.Tensor>(x: T): T {
  return tf.tidy(() => {
    const a = tf.abs(x);
    // log2 in float32 can miss by one at powers of two: correct the exponent against 2^e itself.
    const guess = tf.floor(tf.div(tf.log(a), Math.LN2));
    const two = tf.scalar(2);
    const p = tf.pow(two, guess);
    const e = tf.where(
      tf.greaterEqual(a, tf.mul(p, 2)),
      tf.add(guess, 1),
      tf.where(tf.less(a, p), tf.sub(guess, 1), guess),
    );
    // Normal halves have exponents ≥ −14; below that the spacing stays 2^−24 (subnormals, and zero).
    const spacing = tf.pow(two, tf.sub(tf.maximum(e, -14), 10));
    const q = tf.mul(tf.round(tf.div(x, spacing)), spacing);
    return tf.where(tf.greater(tf.abs(q), MAX_HALF), tf.mul(tf.sign(x), Infinity), q) as T;
  });
}

export const createFp16: CompressorFactory = (_params, { numShared }): Compressor => ({
  compress: (u) => roundToHalf(u),
  bitsPerMessage: 16 * numShared,
});
