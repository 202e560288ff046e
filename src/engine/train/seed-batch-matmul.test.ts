/**
 * The seed batch's grouped product (seed-batch-matmul.ts) and the WASM kernel behind it
 * (src/backend/wasm-group-matmul.ts): equal to tf.matMul on WASM for every transpose, with no alias id or
 * tensor left behind, and XNNPACK's operator cache never serving a disposed alias's packed weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../backend/node';
import { GROUP_MATMUL_KERNEL, groupMatMul } from './seed-batch-matmul';

/** The wasm backend's count of live data ids (JS side). */
const liveDataIds = () =>
  (tf.backend() as unknown as { dataIdMap: { numDataIds(): number } }).dataIdMap.numDataIds();

async function worstGap(x: tf.Tensor, y: tf.Tensor): Promise<number> {
  expect(x.shape).toEqual(y.shape);
  const [a, b] = [await x.data(), await y.data()];
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
    const out = tf.engine().runKernel(GROUP_MATMUL_KERNEL, { a, b }) as tf.Tensor;
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
        const want = tf.matMul(a, b, ta, tb);
        const got = groupMatMul(a, b, ta, tb);
        expect(await worstGap(got, want)).toBeLessThan(1e-5 * Math.sqrt(k) * 4);
        tf.dispose([a, b, want, got]);
      });

  it('leaves no tensor and no data id behind, and never reuses a disposed alias operator', async () => {
    const a = tf.randomNormal<tf.Rank.R3>([4, 64, 32], 0, 1, 'float32', 3);
    const warm = groupMatMul(a, tf.ones([4, 32, 32]));
    warm.dispose();
    const [tensors, ids] = [tf.memory().numTensors, liveDataIds()];
    // New b values every call: a stale cached XNNPACK operator would answer with old packed weights.
    for (let scale = 1; scale <= 4; scale++) {
      const b = tf.fill([4, 32, 32], scale) as tf.Tensor3D;
      const got = groupMatMul(a, b, false, true);
      const want = tf.matMul(a, b, false, true);
      expect(await worstGap(got, want)).toBeLessThan(1e-4 * scale);
      tf.dispose([b, got, want]);
    }
    expect(tf.memory().numTensors).toBe(tensors);
    expect(liveDataIds()).toBe(ids);
    a.dispose();
  });

  it('answers empty products without XNNPACK: zeros for an empty inner dimension', async () => {
    const zeros = tf
      .engine()
      .runKernel(GROUP_MATMUL_KERNEL, { a: tf.ones([2, 3, 0]), b: tf.ones([2, 0, 4]) });
    expect((zeros as tf.Tensor).shape).toEqual([2, 3, 4]);
    expect(Array.from(await (zeros as tf.Tensor).data())).toEqual(new Array(24).fill(0));
    const none = tf.engine().runKernel(GROUP_MATMUL_KERNEL, { a: tf.ones([2, 0, 3]), b: tf.ones([2, 3, 4]) });
    expect((none as tf.Tensor).shape).toEqual([2, 0, 4]);
  });

  it('refuses operands that are not G pairs, naming the shapes', () => {
    expect(() =>
      tf.engine().runKernel(GROUP_MATMUL_KERNEL, { a: tf.ones([2, 3, 4]), b: tf.ones([3, 4, 5]) }),
    ).toThrow(/expected a \[G, m, k\] and b \[G, k, n\], got \[2,3,4\] and \[3,4,5\]/);
  });
});
