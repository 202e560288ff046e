/**
 * The WASM grouped product (wasm-group-matmul.ts) and the seed batch's groupMatMul that calls it
 * (src/engine/train/seed-batch-matmul.ts; tested here because an engine test may not load a backend):
 * equal to tf.matMul on WASM for every transpose, no alias id or tensor left behind, and no XNNPACK
 * operator kept or served stale after its alias is gone; and seeds batched on WASM through task-specific
 * layers wide enough to take the kernel (forward, backward and weight gradients) still equal their
 * one-by-one runs (test/seed-batch-wasm.test.ts covers the default experiment).
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../engine/config/parse';
import type { Report } from '../engine/train/report';
import { GROUP_MATMUL_KERNEL, groupMatMul } from '../engine/train/seed-batch-matmul';
import { batchAndSingles, worstDifference } from '../engine/train/seed-batch-testing';
import { initNodeBackend } from './node';

/** The wasm backend's count of live data ids (JS side). */
const liveDataIds = () =>
  (tf.backend() as unknown as { dataIdMap: { numDataIds(): number } }).dataIdMap.numDataIds();

async function worstGap(x: tf.Tensor, y: tf.Tensor): Promise<number> {
  expect(x.shape).toEqual(y.shape);
  const [a, b] = [Float32Array.from(await x.data()), Float32Array.from(await y.data())];
  return a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - (b[i] as number))), 0);
}

describe('groupMatMul on WASM', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });
  afterAll(async () => {
    await initNodeBackend('cpu');
  });

  it('multiplies each pair on its own (hand-computed, through the kernel directly)', async () => {
    // Pair 0: [1 2; 3 4] [1 0; 0 1] = itself; pair 1: [1 1; 0 1] [2 0; 1 3] = [3 3; 1 3].
    const a = tf.tensor3d([1, 2, 3, 4, 1, 1, 0, 1], [2, 2, 2]);
    const b = tf.tensor3d([1, 0, 0, 1, 2, 0, 1, 3], [2, 2, 2]);
    const out = tf.engine().runKernel<tf.Tensor>(GROUP_MATMUL_KERNEL, { a, b });
    expect(out.shape).toEqual([2, 2, 2]);
    expect(Array.from(await out.data())).toEqual([1, 2, 3, 4, 3, 3, 1, 3]);
    tf.dispose([a, b, out]);
  });

  const cases: [number, number, number, number][] = [
    [5, 128, 32, 32],
    [3, 64, 17, 40],
    [15, 32, 32, 32],
    [1, 96, 48, 24],
  ];
  for (const [groups, m, k, n] of cases)
    for (const [ta, tb] of [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ] as const)
      it(`equals tf.matMul for G=${groups}, ${m}x${k}x${n}, transposeA=${ta}, transposeB=${tb}`, async () => {
        const a = tf.randomNormal<tf.Rank.R3>(ta ? [groups, k, m] : [groups, m, k], 0, 1, 'float32', 1);
        const b = tf.randomNormal<tf.Rank.R3>(tb ? [groups, n, k] : [groups, k, n], 0, 1, 'float32', 2);
        const got = groupMatMul(a, b, ta, tb);
        // Exactly each pair's own batch-1 product (the XNNPACK path a one-seed run takes)...
        const pairs = tf.tidy(() => {
          const left = tf.split(ta ? tf.transpose(a, [0, 2, 1]) : a, groups);
          const right = tf.split(tb ? tf.transpose(b, [0, 2, 1]) : b, groups);
          return tf.concat(left.map((x, g) => tf.matMul(x, right[g] as tf.Tensor)));
        });
        expect(await worstGap(got, pairs)).toBe(0);
        // ... and the batched product (tfjs-wasm's loop) to 1e-5 (measured: 0, the same sums in the same order).
        const batched = tf.matMul(a, b, ta, tb);
        expect(await worstGap(got, batched)).toBeLessThan(1e-5);
        tf.dispose([a, b, got, pairs, batched]);
      });

  it('leaves no tensor and no data id behind, and never reuses a disposed alias operator', async () => {
    const a = tf.randomNormal<tf.Rank.R3>([4, 64, 32], 0, 1, 'float32', 3);
    const warm = groupMatMul(a, tf.ones([4, 32, 32]));
    warm.dispose();
    const [tensors, ids] = [tf.memory().numTensors, liveDataIds()];
    // New b values every call: a stale cached XNNPACK operator would answer with old packed weights.
    for (let scale = 1; scale <= 4; scale++) {
      const b = tf.fill<tf.Rank.R3>([4, 32, 32], scale);
      const got = groupMatMul(a, b, false, true);
      const want = tf.matMul(a, b, false, true);
      expect(await worstGap(got, want)).toBeLessThan(1e-4 * scale);
      tf.dispose([b, got, want]);
    }
    expect(tf.memory().numTensors).toBe(tensors);
    expect(liveDataIds()).toBe(ids);
    a.dispose();
  });

  it('frees the XNNPACK operator each alias made (the WASM heap stays the same size)', () => {
    // Each pair's operator holds b_g packed (16 KiB here); kept, 300 calls of 8 would grow the heap by
    // ~40 MiB (measured 16 -> 48 MiB with the alias of b left registered).
    const heapBytes = () => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.length;
    const a = tf.randomNormal<tf.Rank.R3>([8, 64, 64], 0, 1, 'float32', 4);
    const call = () => tf.tidy(() => groupMatMul(a, tf.randomNormal([8, 64, 64]))).dispose();
    for (let i = 0; i < 20; i++) call();
    const before = heapBytes();
    for (let i = 0; i < 300; i++) call();
    expect(heapBytes()).toBe(before);
    a.dispose();
  });

  it('answers empty products without XNNPACK: zeros for an empty inner dimension', async () => {
    const [tensors, ids] = [tf.memory().numTensors, liveDataIds()];
    const product = (a: number[], b: number[]) =>
      tf.tidy(() => tf.engine().runKernel<tf.Tensor>(GROUP_MATMUL_KERNEL, { a: tf.ones(a), b: tf.ones(b) }));
    const zeros = product([2, 3, 0], [2, 0, 4]);
    expect(zeros.shape).toEqual([2, 3, 4]);
    expect(Array.from(await zeros.data())).toEqual(new Array<number>(24).fill(0));
    const none = product([2, 0, 3], [2, 3, 4]);
    expect(none.shape).toEqual([2, 0, 4]);
    tf.dispose([zeros, none]);
    expect([tf.memory().numTensors, liveDataIds()]).toEqual([tensors, ids]);
  });

  it('refuses operands that are not G pairs, naming the shapes', () => {
    expect(() =>
      tf.tidy(() =>
        tf.engine().runKernel(GROUP_MATMUL_KERNEL, { a: tf.ones([2, 3, 4]), b: tf.ones([3, 4, 5]) }),
      ),
    ).toThrow(/expected a \[G, m, k\] and b \[G, k, n\], got \[2,3,4\] and \[3,4,5\]/);
  });

  const NETWORKS = {
    'task layers under a shared one, separate inputs, 3 tasks': {
      task: { id: 'sinusoids', params: { numTasks: 3, inputs: 'separate' } },
      architecture: { id: 'layer-sharing', params: { widths: [32, 16], shared: [true, false] } },
      batchSize: 32,
    },
    'independent nets (nothing shared)': {
      architecture: { id: 'layer-sharing', params: { widths: [32, 16], shared: [false, false] } },
    },
  };
  for (const [name, raw] of Object.entries(NETWORKS))
    it(`seeds batched equal their one-by-one runs: ${name}`, async () => {
      const seeds = [5, 2];
      const { batched, singles } = await batchAndSingles(parseConfig(raw), seeds, 20);
      seeds.forEach((seed, r) => {
        for (const at of [0, 1]) {
          const worst = worstDifference(singles[r]?.[at] as Report, batched[at]?.[r] as Report);
          expect(worst.diff, `seed ${seed}, report ${at}: ${worst.at}`).toBeLessThan(1e-4);
        }
      });
    });
});
