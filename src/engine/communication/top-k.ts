/**
 * Top-k sparsification: each worker keeps the k entries of largest magnitude (Aji & Heafield, EMNLP 2017;
 * Stich, Cordonnier & Jaggi, NeurIPS 2018, with memory = error feedback). Biased, a contraction:
 * ‖C(x) − x‖² ≤ (1 − k/P) ‖x‖². Ties in |g| keep the lower index (tf.topk's order).
 */
import * as tf from '@tensorflow/tfjs-core';
import { keepColumns, sparseBits } from './sparse';
import type { Compressor, CompressorFactory } from './types';

export function topK(u: tf.Tensor2D, k: number): tf.Tensor2D {
  return tf.tidy(() => keepColumns(u, tf.topk(tf.abs(u), k).indices));
}

export const createTopK: CompressorFactory = (params): Compressor => {
  const k = params.k as number;
  return { compress: (u) => topK(u, k), bitsPerMessage: sparseBits(k) };
};
