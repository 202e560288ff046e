/**
 * The WASM convolution gradients (wasm-conv-filter-grad.ts, wasm-conv-input-grad.ts) against the cpu
 * backend's: a hand-computed case, then tf.grads of a convolution for every padding (tf's 'same' with an even
 * kernel pads one more at the bottom and right), equal to float32 rounding; nothing left on the heap; strides refused.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../engine/random/rng';
import { initNodeBackend } from './node';

const liveDataIds = () =>
  (tf.backend() as unknown as { dataIdMap: { numDataIds(): number } }).dataIdMap.numDataIds();

type Pad = 'valid' | 'same' | number;
interface Case {
  name: string;
  x: [number, number, number, number];
  k: number;
  out: number;
  pad: Pad;
}

const CASES: Case[] = [
  {
    name: "LeNet's first layer shape, smaller batch, 'valid'",
    x: [3, 12, 12, 1],
    k: 5,
    out: 4,
    pad: 'valid',
  },
  { name: "LeNet's second layer shape, 'valid'", x: [4, 8, 8, 3], k: 5, out: 5, pad: 'valid' },
  { name: "odd kernel, 'same'", x: [2, 7, 6, 2], k: 3, out: 3, pad: 'same' },
  { name: 'a number, 1 on every side, a non-square image', x: [2, 6, 5, 2], k: 3, out: 2, pad: 1 },
  {
    name: "even kernel, 'same' (one more at the bottom)",
    x: [2, 6, 6, 2],
    k: 4,
    out: 3,
    pad: 'same',
  },
];

/** Gradients of Σ r ⊙ conv2d(x, w) with respect to x and w, for seeded x, w, r. */
async function gradsOn(backend: 'cpu' | 'wasm', c: Case): Promise<{ dx: Float32Array; dw: Float32Array }> {
  await initNodeBackend(backend);
  const rng = new Rng(7);
  const x = tf.tensor4d(rng.normalArray(c.x.reduce((a, b) => a * b, 1)), c.x);
  const wShape: [number, number, number, number] = [c.k, c.k, c.x[3], c.out];
  const w = tf.tensor4d(rng.normalArray(wShape.reduce((a, b) => a * b, 1)), wShape);
  const y = tf.conv2d(x, w, 1, c.pad);
  const r = tf.tensor(rng.normalArray(y.size), y.shape);
  const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, c.pad), r)),
  )([x, w]);
  const out = {
    dx: Float32Array.from(await (dx as tf.Tensor).data()),
    dw: Float32Array.from(await (dw as tf.Tensor).data()),
  };
  tf.dispose([x, w, y, r, dx, dw]);
  return out;
}

const worst = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] as number))), 0);

describe('convolution gradients on WASM', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });
  afterAll(async () => {
    await initNodeBackend('cpu');
  });

  it('computes a hand-checked filter and input gradient', async () => {
    await initNodeBackend('wasm');
    // x: one 3 x 3 image 1..9, one 2 x 2 filter [1 0; 0 2], valid: y is 2 x 2 and dL/dy = 1 everywhere.
    // dW[i, j] = sum of the 2 x 2 window at (i, j): [1+2+4+5, 2+3+5+6; 4+5+7+8, 5+6+8+9] = [12 16; 24 28].
    // dx[y, x] = sum of the filter taps that touch (y, x): corners 1, 0, 0, 2; middle 1 + 0 + 0 + 2 = 3.
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const w = tf.tensor4d([1, 0, 0, 2], [2, 2, 1, 1]);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'valid')),
    )([x, w]);
    expect(Array.from(await (dw as tf.Tensor).data())).toEqual([12, 16, 24, 28]);
    expect(Array.from(await (dx as tf.Tensor).data())).toEqual([1, 1, 0, 1, 3, 2, 0, 2, 2]);
    tf.dispose([x, w, dx, dw]);
  });

  it.each(CASES)('equals the cpu backend: $name', async (c) => {
    const cpu = await gradsOn('cpu', c);
    const wasm = await gradsOn('wasm', c);
    // Sums of up to ~150 products of N(0, 1) values: float32 rounding, summed in another order.
    expect(worst(wasm.dw, cpu.dw)).toBeLessThan(1e-4);
    expect(worst(wasm.dx, cpu.dx)).toBeLessThan(1e-5);
    expect(wasm.dw.some((v) => v !== 0)).toBe(true);
  });

  it('leaves a strided input gradient to the stock kernel, equal to the cpu backend', async () => {
    const inputGrad = async (backend: 'cpu' | 'wasm') => {
      await initNodeBackend(backend);
      const rng = new Rng(3);
      const x = tf.tensor4d(rng.normalArray(2 * 7 * 7 * 2), [2, 7, 7, 2]);
      const w = tf.tensor4d(rng.normalArray(3 * 3 * 2 * 3), [3, 3, 2, 3]);
      const dx = tf.grad((a: tf.Tensor) => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, w, 2, 'valid'))))(x);
      const values = Float32Array.from(await dx.data());
      tf.dispose([x, w, dx]);
      return values;
    };
    const cpu = await inputGrad('cpu');
    expect(worst(await inputGrad('wasm'), cpu)).toBeLessThan(1e-4);
  });

  it('leaves no tensor behind on the heap', async () => {
    await initNodeBackend('wasm');
    const before = liveDataIds();
    for (const c of CASES) await gradsOn('wasm', c);
    expect(liveDataIds()).toBe(before);
  });

  it('refuses strides above 1 in one line', async () => {
    await initNodeBackend('wasm');
    const x = tf.zeros<tf.Rank.R4>([1, 6, 6, 1]);
    const dy = tf.zeros<tf.Rank.R4>([1, 3, 3, 1]);
    expect(() =>
      tf
        .engine()
        .runKernel(
          'Conv2DBackpropFilter',
          { x, dy },
          { strides: 2, pad: 'valid', dataFormat: 'NHWC', filterShape: [2, 2, 1, 1] },
        ),
    ).toThrow('Conv2DBackpropFilter on wasm: strides 2; accepted: 1');
    tf.dispose([x, dy]);
  });
});
