/**
 * Pieces of the convolutional trunk (lenet.ts, lenet-cross-stitch.ts): the image sides layer by layer,
 * one convolution layer (k x k 'valid' convolution, 2 x 2 max pooling, ReLU), and reading stacked copies.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../config/types';

/** The image side and each layer's output side; a clear error for inputs that are no image. */
export function sides(inputDim: number, layers: number, k: number): number[] {
  const side = Math.round(Math.sqrt(inputDim));
  const fail = (why: string) =>
    new ConfigError([
      {
        path: 'architecture.id',
        message: `lenet ${why}; accepted: a task with square image inputs (multi-mnist)`,
      },
    ]);
  if (side * side !== inputDim || side < 2 * k)
    throw fail(
      `needs image inputs, and the task's ${inputDim} inputs are not a square image of at least ${2 * k} x ${2 * k} pixels`,
    );
  const out = [side];
  for (let l = 0; l < layers; l++) {
    const next = Math.floor((out[l] as number) - k + 1) >> 1;
    if (next < 1)
      throw fail(`shrinks a ${side} x ${side} image to nothing after ${l + 1} convolutions of ${k} x ${k}`);
    out.push(next);
  }
  return out;
}

/**
 * The copies of a stacked tensor [n, ...] as n tensors, by slicing: tf.unstack's gradient fails when some
 * copies do not reach the loss (task t's loss alone never reads task u's kernel).
 */
export const copiesOf = (t: tf.Tensor): tf.Tensor[] =>
  Array.from({ length: t.shape[0] ?? 0 }, (_, i) => t.slice(i, 1).reshape(t.shape.slice(1)));

/** Stream i of a list of n, reading the last one when there are fewer (one stream broadcasts). */
export const pick = <T>(list: readonly T[], i: number): T => list[Math.min(i, list.length - 1)] as T;

/**
 * One layer of the trunk: relu(maxPool(conv(x, kernel) + bias)). Pooling before the ReLU as in
 * multi_lenet.py; the two commute, and pooling first halves the ReLU's work.
 */
export const convLayer = (x: tf.Tensor4D, kernel: tf.Tensor4D, bias: tf.Tensor): tf.Tensor4D =>
  tf.relu(tf.maxPool(tf.add<tf.Tensor4D>(tf.conv2d(x, kernel, 1, 'valid'), bias), 2, 2, 'valid'));
