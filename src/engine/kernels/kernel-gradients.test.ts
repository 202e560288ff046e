/**
 * The kernels that run inside autodiff (θ's segments in the stacked strategy and the expert models; a
 * loss weighting's sum under a learned weighting) carry gradients equal to their compositions'.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { columnSlice } from './column-slice-kernel';
import { weightedRowSum } from './weighted-sum-kernel';

const rng = new Rng(7);
const normal = (shape: number[]) =>
  tf.tensor(
    rng.normalArray(
      shape.reduce((a, b) => a * b, 1),
      1,
    ),
    shape,
  );

async function maxDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const [v = NaN] = await d.data();
  d.dispose();
  return v;
}

describe('gradients of our kernels', () => {
  it('columnSlice: dy lands in the sliced columns, zeros elsewhere', async () => {
    const flat = normal([2, 9]) as tf.Tensor2D;
    const upstream = normal([2, 4]);
    const ours = tf.grad((x: tf.Tensor) =>
      tf.sum(tf.mul(columnSlice(x as tf.Tensor2D, 3, 4) as tf.Tensor, upstream)),
    )(flat);
    const reference = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(x.slice([0, 3], [-1, 4]), upstream)))(flat);
    expect(await maxDiff(ours, reference)).toBe(0);
    expect(Array.from(await ours.data()).slice(0, 3)).toEqual([0, 0, 0]);
    tf.dispose([flat, upstream, ours, reference]);
  });

  it('weightedRowSum: with respect to the weights and to the gradients', async () => {
    const w = normal([2, 3]) as tf.Tensor2D;
    const g = normal([2, 3, 5]) as tf.Tensor3D;
    const upstream = normal([2, 5]);
    const loss = (sum: (a: tf.Tensor2D, b: tf.Tensor3D) => tf.Tensor) => (a: tf.Tensor, b: tf.Tensor) =>
      tf.sum<tf.Scalar>(tf.mul(sum(a as tf.Tensor2D, b as tf.Tensor3D), upstream));
    const ours = tf.grads(loss((a, b) => weightedRowSum(a, b) as tf.Tensor))([w, g]);
    const reference = tf.grads(loss((a, b) => tf.matMul(a.expandDims(1), b).reshape([2, 5])))([w, g]);
    for (let i = 0; i < 2; i++)
      expect(await maxDiff(ours[i] as tf.Tensor, reference[i] as tf.Tensor)).toBeLessThan(1e-5);
    tf.dispose([w, g, upstream, ...ours, ...reference]);
  });
});
