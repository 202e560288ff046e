/**
 * Random-k sparsification (Stich, Cordonnier & Jaggi, NeurIPS 2018): each worker keeps k coordinates drawn
 * uniformly without replacement, afresh every step, from the channel's seeded stream (so a resumed run draws
 * the same ones). `unbiased` multiplies them by P/k (Wangni et al., NeurIPS 2018): E[C(x)] = x. The draw
 * is Floyd's algorithm, O(k) per row, in JS: the indices go to the device once, no readback.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../random/rng';
import { keepColumns, sparseBits } from './sparse';
import type { Compressor, CompressorFactory } from './types';

/** k distinct integers in [0, n), uniformly (Floyd's algorithm), in the order drawn. */
export function sampleDistinct(rng: Rng, n: number, k: number): number[] {
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = rng.int(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen];
}

export function randomK(u: tf.Tensor2D, k: number, rng: Rng, unbiased: boolean): tf.Tensor2D {
  const [rows, P] = u.shape;
  const columns: number[] = [];
  for (let r = 0; r < rows; r++) columns.push(...sampleDistinct(rng, P, k));
  return tf.tidy(() => keepColumns(u, tf.tensor2d(columns, [rows, k], 'int32'), unbiased ? P / k : 1));
}

export const createRandomK: CompressorFactory = (params, { rng }): Compressor => {
  const k = params.k as number;
  const unbiased = params.unbiased as boolean;
  return { compress: (u) => randomK(u, k, rng, unbiased), bitsPerMessage: sparseBits(k) };
};
