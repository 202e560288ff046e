/**
 * The WASM max-pool gradient (wasm-max-pool-grad.ts) against the cpu backend's: a hand-computed tied case,
 * then tf.grad of a max pool for LeNet's pool, strides smaller than the window (overlapping windows),
 * 'same' padding and odd sizes, on inputs full of ties (values from {0, 1, 2}) and on continuous ones;
 * equal to float32 rounding (overlapping windows add their dy in another order); nothing left on the heap.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../engine/random/rng';
import { initNodeBackend } from './node';

type Pad = 'valid' | 'same' | number;
interface Case {
  name: string;
  x: [number, number, number, number];
  size: number;
  stride: number;
  pad: Pad;
}

const CASES: Case[] = [
  { name: "LeNet's pool: 2 x 2, stride 2, 'valid'", x: [3, 8, 8, 4], size: 2, stride: 2, pad: 'valid' },
  { name: 'overlapping: 3 x 3, stride 1, same', x: [2, 7, 6, 3], size: 3, stride: 1, pad: 'same' },
  { name: 'overlapping: 3 x 3, stride 2, a number', x: [2, 9, 7, 2], size: 3, stride: 2, pad: 1 },
  { name: "odd size: 2 x 2, stride 2, 'same'", x: [1, 7, 5, 2], size: 2, stride: 2, pad: 'same' },
];

async function gradOn(backend: 'cpu' | 'wasm', c: Case, tied: boolean): Promise<Float32Array> {
  await initNodeBackend(backend);
  const rng = new Rng(tied ? 3 : 4);
  const n = c.x.reduce((a, b) => a * b, 1);
  const values = tied
    ? Float32Array.from({ length: n }, () => Math.floor(rng.uniform(0, 3)))
    : rng.normalArray(n);
  const x = tf.tensor4d(values, c.x);
  const upstream = (y: tf.Tensor) => tf.tensor(new Rng(9).normalArray(y.size), y.shape);
  const dx = tf.grad((v: tf.Tensor) => {
    const y = tf.maxPool(v as tf.Tensor4D, c.size, c.stride, c.pad);
    return tf.sum(tf.mul(y, upstream(y)));
  })(x);
  const out = (await dx.data()) as Float32Array;
  tf.dispose([x, dx]);
  return out;
}

describe('max-pool gradient on WASM', () => {
  afterAll(async () => {
    await initNodeBackend('cpu');
  });

  it('routes a tied window to its first maximum, and overlapping tied windows each to theirs', async () => {
    await initNodeBackend('wasm');
    const x = tf.tensor4d([1, 1, 0, 1, 1, 0, 0, 0, 0], [1, 3, 3, 1]);
    const dx = tf.grad((v: tf.Tensor) => tf.sum(tf.maxPool(v as tf.Tensor4D, 2, 1, 'valid')))(x);
    // Windows at (0,0), (0,1), (1,0), (1,1): their first maxima are elements 0, 1, 3 and 4.
    expect(Array.from(await dx.data())).toEqual([1, 1, 0, 1, 1, 0, 0, 0, 0]);
    tf.dispose([x, dx]);
  });

  for (const c of CASES)
    for (const tied of [true, false])
      it(`${c.name}, ${tied ? 'tied' : 'continuous'} inputs: equals the cpu backend's`, async () => {
        const cpu = await gradOn('cpu', c, tied);
        const before = await (async () => {
          await initNodeBackend('wasm');
          return tf.memory().numTensors;
        })();
        const wasm = await gradOn('wasm', c, tied);
        expect(tf.memory().numTensors).toBe(before);
        expect(wasm.length).toBe(cpu.length);
        let worst = 0;
        for (let i = 0; i < cpu.length; i++)
          worst = Math.max(worst, Math.abs((wasm[i] as number) - (cpu[i] as number)));
        expect(worst).toBeLessThan(1e-5);
        expect(cpu.some((v) => v !== 0)).toBe(true);
      });
});
