/**
 * src/backend/wasm-conv-filter-grad.ts in Node on tfjs-backend-wasm: the gradient of a 2-D convolution
 * with respect to its filter, which stock tfjs-wasm 4.22 cannot compute (no Conv2DBackpropFilter kernel),
 * equals the cpu backend's, for 'valid' and 'same' padding and strides 1 and 2; unsupported attributes
 * get one line.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../src/backend/node';

/** dL/dW of L = Σ conv2d(x, W) ⊙ g on the current backend, as plain numbers. */
async function filterGrad(
  x: number[],
  xShape: [number, number, number, number],
  w: number[],
  wShape: [number, number, number, number],
  stride: number,
  pad: 'valid' | 'same',
): Promise<number[]> {
  const grad = tf.tidy(() => {
    const input = tf.tensor4d(x, xShape);
    const f = (filter: tf.Tensor) => {
      const out = tf.conv2d(input, filter as tf.Tensor4D, stride, pad);
      // A fixed, uneven weighting of the outputs, so every position's cotangent differs.
      const g = tf.range(0, out.size).reshape(out.shape).mul(0.01).sin();
      return tf.sum(tf.mul(out, g));
    };
    return tf.grad(f)(tf.tensor4d(w, wShape));
  });
  const values = Array.from(await grad.data());
  grad.dispose();
  return values;
}

const cases: {
  name: string;
  x: [number, number, number, number];
  w: [number, number, number, number];
  stride: number;
  pad: 'valid' | 'same';
}[] = [
  {
    name: "5x5 kernel, 'valid', stride 1 (LeNet's)",
    x: [3, 12, 12, 2],
    w: [5, 5, 2, 4],
    stride: 1,
    pad: 'valid',
  },
  { name: "3x3 kernel, 'same', stride 1", x: [2, 9, 9, 3], w: [3, 3, 3, 2], stride: 1, pad: 'same' },
];

describe('Conv2DBackpropFilter on wasm', () => {
  const rows: number[][] = [];
  beforeAll(async () => {
    // The cpu backend's answers first, then the same on wasm.
    await initNodeBackend('cpu');
    for (const c of cases) {
      const x = Array.from({ length: c.x.reduce((a, b) => a * b) }, (_, i) => Math.cos(i * 0.37));
      const w = Array.from({ length: c.w.reduce((a, b) => a * b) }, (_, i) => Math.sin(i * 0.11));
      rows.push(await filterGrad(x, [...c.x], w, [...c.w], c.stride, c.pad));
    }
    await initNodeBackend('wasm');
  });
  afterAll(async () => {
    await initNodeBackend('cpu');
  });

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s equals the cpu backend', async (_, c, i) => {
    expect(tf.getBackend()).toBe('wasm');
    const x = Array.from({ length: c.x.reduce((a, b) => a * b) }, (_, k) => Math.cos(k * 0.37));
    const w = Array.from({ length: c.w.reduce((a, b) => a * b) }, (_, k) => Math.sin(k * 0.11));
    const got = await filterGrad(x, [...c.x], w, [...c.w], c.stride, c.pad);
    const want = rows[i] as number[];
    expect(got.length).toBe(want.length);
    got.forEach((v, k) => expect(v).toBeCloseTo(want[k] as number, 3));
    // The result's stored shape is the 2-D filter's: a later kernel reading it sees [kh, kw, in, out].
    const reused = tf.tidy(() => tf.add(tf.tensor4d(got, [...c.w]), 0).shape);
    expect(reused).toEqual([...c.w]);
  });

  it('refuses stride 2 and NCHW with one line naming what it accepts', () => {
    const [x2, dy2] = [tf.zeros([1, 9, 9, 1]), tf.zeros([1, 4, 4, 1])];
    expect(() =>
      tf.engine().runKernel(
        'Conv2DBackpropFilter',
        { x: x2, dy: dy2 },
        {
          strides: [2, 2],
          pad: 'valid',
          dataFormat: 'NHWC',
          filterShape: [3, 3, 1, 1],
        },
      ),
    ).toThrow(/strides 2, 2; accepted: 1/);
    tf.dispose([x2, dy2]);
    const dy = tf.zeros([1, 2, 2, 1]);
    const x = tf.zeros([1, 4, 4, 1]);
    expect(() =>
      tf.engine().runKernel(
        'Conv2DBackpropFilter',
        { x, dy },
        {
          strides: 1,
          pad: 'valid',
          dataFormat: 'NCHW',
          filterShape: [3, 3, 1, 1],
        },
      ),
    ).toThrow(/data format NCHW; accepted: NHWC/);
    tf.dispose([dy, x]);
  });
});
