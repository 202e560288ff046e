import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from './node';

/** Each case on the given backend, after filling fresh heap memory with junk the stock kernel would leave. */
async function run(backend: 'cpu' | 'wasm'): Promise<number[][]> {
  await initNodeBackend(backend);
  const junk = tf.fill([4096], 7.5);
  await junk.data();
  junk.dispose();
  const cases = [
    () => tf.sum(tf.zeros([2, 3, 0]), 2),
    () => tf.sum(tf.zeros([2, 0]), 1, true),
    () => tf.mean(tf.zeros([3, 0]), 1),
    () => tf.matMul(tf.zeros([1, 2, 0]), tf.zeros([1, 2, 0]), false, true),
    () => tf.matMul(tf.zeros([0, 2]), tf.zeros([0, 3]), true, false),
    // Empty outputs (a net with no shared layer): XNNPACK refuses these, so the wrapper answers.
    () => tf.matMul(tf.ones([2, 3]), tf.zeros([3, 0])),
    () => tf.matMul(tf.ones([0, 3]), tf.ones([3, 2])),
    () =>
      tf.fused.matMul({ a: tf.ones([2, 3]), b: tf.zeros([3, 0]), bias: tf.zeros([0]), activation: 'relu' }),
    // A non-empty fused product still goes to the stock kernel.
    () =>
      tf.fused.matMul({
        a: tf.ones([1, 2]),
        b: tf.ones([2, 2]),
        bias: tf.tensor1d([1, -1]),
        activation: 'relu',
      }),
    // Non-empty calls still go to the stock kernels.
    () => tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2]), 1),
    () => tf.matMul(tf.tensor2d([1, 2], [1, 2]), tf.tensor2d([3, 4], [2, 1])),
  ];
  const out: number[][] = [];
  for (const make of cases) {
    const t = tf.tidy(make);
    out.push([...t.shape, ...Array.from(await t.data())]);
    t.dispose();
  }
  return out;
}

/** initNodeBackend('wasm') installs the fix (wasm-empty-reductions.ts); this checks it is in place and right. */
describe('WASM reductions over an empty axis', () => {
  afterAll(async () => {
    await initNodeBackend('cpu');
  });

  it('answer what the CPU backend answers: 0 sums and means, zero products', async () => {
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    expect(wasm).toEqual(cpu);
    expect(cpu[0]).toEqual([2, 3, 0, 0, 0, 0, 0, 0]);
    expect(cpu[2]).toEqual([3, 0, 0, 0]);
  });
});
