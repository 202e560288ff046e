/** bmm's broadcasting gradient against explicitly tiled products, and θ's pack/unpack round trip. */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { packShared, unpackShared } from './layout';
import { bmm } from './ops';
import { normalTensor } from './testing';

const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());
const expectClose = (a: number[], b: number[], tol = 1e-5) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - (b[i] ?? NaN))).toBeLessThanOrEqual(tol * (1 + Math.abs(v))));
};

describe('bmm', () => {
  it.each([
    [
      [1, 5, 3],
      [4, 3, 2],
    ],
    [
      [4, 5, 3],
      [1, 3, 2],
    ],
    [
      [4, 5, 3],
      [4, 3, 2],
    ],
    [
      [1, 1, 5, 3],
      [4, 3, 3, 2],
    ],
    [
      [4, 3, 5, 3],
      [1, 3, 3, 2],
    ],
    [
      [4, 5, 1, 3],
      [1, 5, 3, 2],
    ],
  ])('%j x %j: value and gradients equal those of the explicitly tiled product', (sa, sb) => {
    tf.tidy(() => {
      const a = normalTensor(sa, 1);
      const b = normalTensor(sb, 2);
      const w = normalTensor(
        [...sa.slice(0, -2).map((n, i) => Math.max(n, sb[i] ?? 1)), sa.at(-2) ?? 0, 2],
        3,
      );
      const out = (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(bmm(x, y), w));
      const reps = (s: number[], o: number[]) =>
        s.map((n, i) => (i < s.length - 2 && n === 1 ? (o[i] ?? 1) : 1));
      const tiled = (x: tf.Tensor, y: tf.Tensor) =>
        tf.sum(tf.mul(tf.matMul(tf.tile(x, reps(sa, sb)), tf.tile(y, reps(sb, sa))), w));
      expectClose(values(out(a, b)), values(tiled(a, b)));
      const g = tf.grads(out)([a, b]);
      const ref = tf.grads(tiled)([a, b]);
      g.forEach((gi, i) => {
        expect(gi.shape).toEqual([sa, sb][i]);
        expectClose(values(gi), values(ref[i] as tf.Tensor));
      });
    });
  });

  it('refuses broadcasts the backends would index wrongly, and unequal ranks', () => {
    tf.tidy(() => {
      expect(() => bmm(tf.zeros([3, 1, 2, 2]), tf.zeros([1, 4, 2, 2]))).toThrow(/broadcast/);
      expect(() => bmm(tf.zeros([2, 2]), tf.zeros([3, 2, 2]))).toThrow(/ranks/);
    });
  });

  it("tfjs's own matMul gradient still fails to broadcast (drop bmm's custom gradient when this fails)", () => {
    tf.tidy(() => {
      const grad = () =>
        tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.matMul(x, y)))([
          tf.ones([1, 2, 3]),
          tf.ones([4, 3, 2]),
        ]);
      expect(grad).toThrow(/shape/);
    });
  });
});

describe('unpackShared / packShared', () => {
  const segments = [
    { name: 'a', layer: 'l1', shape: [2, 3], init: Float32Array.from([0, 1, 2, 3, 4, 5]) },
    { name: 'b', layer: 'l1', shape: [4], init: Float32Array.from([6, 7, 8, 9]) },
    { name: 'c', layer: 'l2', shape: [1, 2], init: Float32Array.from([10, 11]) },
  ];

  it('splits θ [S, P] into [S, ...shape] segments, copy by copy', () => {
    const flat = packShared(segments);
    expect(Array.from(flat)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    tf.tidy(() => {
      const theta = tf.tensor2d([...flat, ...flat.map((v) => v + 100)], [2, 12]);
      const parts = unpackShared(theta, segments);
      expect(parts.map((p) => p.shape)).toEqual([
        [2, 2, 3],
        [2, 4],
        [2, 1, 2],
      ]);
      expect(values(parts[1] as tf.Tensor)).toEqual([6, 7, 8, 9, 106, 107, 108, 109]);
      const single = unpackShared(tf.tensor2d(flat, [1, 12]), [{ ...segments[0]!, shape: [3, 4] }]);
      expect(single[0]?.shape).toEqual([1, 3, 4]);
      expect(unpackShared(tf.zeros<tf.Rank.R2>([3, 0]), [])).toEqual([]);
    });
  });

  it('refuses a θ whose length does not match the segments', () => {
    tf.tidy(() => {
      expect(() => unpackShared(tf.zeros<tf.Rank.R2>([1, 11]), segments)).toThrow(/11/);
    });
  });
});
