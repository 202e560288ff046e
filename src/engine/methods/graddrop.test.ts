import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { gradDrop, graddrop, signDropUniforms } from './graddrop';
import { aggregatePlain, instantiate, randomPlainInput } from './testing';

/** gradDrop on plain arrays with a given U. */
function withUniform(grads: number[][], U: number[], leak = 0) {
  const G = tf.tensor3d([grads]);
  const u = tf.tensor1d(U);
  const out = gradDrop(G, u, leak);
  const result = { direction: out.direction.arraySync()[0] ?? [], weights: out.weights.arraySync()[0] ?? [] };
  tf.dispose([G, u, out.direction, out.weights]);
  return result;
}

/** torchjd's loop written the direct way in float64 (one replica), with the kept-fraction weights. */
function reference(grads: number[][], U: ArrayLike<number>, leak: number) {
  const P = grads[0]?.length ?? 0;
  const direction = new Array<number>(P).fill(0);
  const keptSum = grads.map(() => 0);
  const nonzero = grads.map(() => 0);
  for (let k = 0; k < P; k++) {
    const column = grads.map((g) => g[k] ?? 0);
    const purity =
      0.5 * (1 + column.reduce((s, v) => s + v, 0) / column.reduce((s, v) => s + Math.abs(v), 0));
    const u = U[k] ?? NaN;
    column.forEach((v, t) => {
      const kept = (purity > u && v > 0) || (purity < u && v < 0);
      const m = leak + (1 - leak) * (kept ? 1 : 0);
      direction[k] = (direction[k] ?? 0) + m * v;
      if (v !== 0) {
        keptSum[t] = (keptSum[t] ?? 0) + m;
        nonzero[t] = (nonzero[t] ?? 0) + 1;
      }
    });
  }
  return { direction, weights: keptSum.map((s, t) => ((nonzero[t] ?? 0) > 0 ? s / (nonzero[t] ?? 1) : 1)) };
}

const expectRow = (actual: number[] | undefined, expected: number[], digits = 5) =>
  expected.forEach((v, i) => expect(actual?.[i]).toBeCloseTo(v, digits));

describe('graddrop', () => {
  it("torchjd's example [[−4, 1, 1], [6, 1, 1]] by hand: P = (0.6, 1, 1); U decides coordinate 0", () => {
    const J = [
      [-4, 1, 1],
      [6, 1, 1],
    ];
    const keepPositive = withUniform(J, [0.5, 0.9, 0.9]);
    expectRow(keepPositive.direction, [6, 2, 2]);
    expectRow(keepPositive.weights, [2 / 3, 1]); // task 0 lost coordinate 0 of its 3
    const keepNegative = withUniform(J, [0.7, 0.9, 0.9]);
    expectRow(keepNegative.direction, [-4, 2, 2]);
    expectRow(keepNegative.weights, [1, 2 / 3]);
    // leak 0.5: the dropped −4 still passes half: 6 − 2 = 4; task 0's multipliers (0.5, 1, 1).
    const leaky = withUniform(J, [0.5, 0.9, 0.9], 0.5);
    expectRow(leaky.direction, [4, 2, 2]);
    expectRow(leaky.weights, [2.5 / 3, 1]);
  });

  it('3 tasks by hand, with a zero entry and a tie Σg = 0 (P = ½)', () => {
    // Columns: (1, −3, 1) → P = ½(1 − 1/5) = 0.4; (−2, 1, 1) → P = 0.5; (0, 2, −1) → P = ½(1 + 1/3) = 2/3.
    // U = (0.3, 0.6, 0.9): keep positives in column 0, negatives in columns 1 and 2.
    const out = withUniform(
      [
        [1, -2, 0],
        [-3, 1, 2],
        [1, 1, -1],
      ],
      [0.3, 0.6, 0.9],
    );
    expectRow(out.direction, [2, -2, -1]);
    // Task 0 kept in both of its nonzero coordinates, task 1 in none, task 2 in 2 of 3.
    expectRow(out.weights, [1, 0, 2 / 3]);
  });

  it('gradients that agree in sign everywhere (aligned) are summed, whatever the draws; leak 1 is the sum', async () => {
    const aligned = {
      grads: [
        [
          [1, -2, 0.5],
          [3, -0.1, 0.2],
          [0.01, -5, 4],
        ],
      ],
      losses: [[1, 1, 1]],
    };
    for (let seed = 0; seed < 5; seed++) {
      const out = await aggregatePlain(
        instantiate(graddrop, { replicas: 1, tasks: 3, shared: 3 }, {}, seed),
        aligned,
      );
      expectRow(out.direction[0], [4.01, -7.1, 4.7]);
      expectRow(out.weights[0], [1, 1, 1]);
    }
    const plain = randomPlainInput(3, 2, 3, 6);
    const out = await aggregatePlain(
      instantiate(graddrop, { replicas: 2, tasks: 3, shared: 6 }, { leak: 1 }),
      plain,
    );
    plain.grads.forEach((G, r) =>
      expectRow(
        out.direction[r],
        (G[0] ?? []).map((_, k) => G.reduce((s, g) => s + (g[k] ?? 0), 0)),
      ),
    );
  });

  it('2 and 3 tasks (very different magnitudes included): matches the direct loop with the same draws', async () => {
    for (const T of [2, 3]) {
      for (let seed = 1; seed <= 6; seed++) {
        const leak = seed % 3 === 0 ? 0.3 : 0;
        const plain = randomPlainInput(50 * T + seed, 1, T, 40);
        if (seed % 2 === 0) plain.grads[0]?.[0]?.forEach((v, k, g) => (g[k] = 1000 * v));
        const out = await aggregatePlain(
          instantiate(graddrop, { replicas: 1, tasks: T, shared: 40 }, { leak }, seed),
          plain,
        );
        const expected = reference(plain.grads[0] ?? [], signDropUniforms(new Rng(seed), 40), leak);
        expected.direction.forEach((v, k) =>
          expect(Math.abs((out.direction[0]?.[k] ?? NaN) - v)).toBeLessThan(1e-5 * Math.max(1, Math.abs(v))),
        );
        expectRow(out.weights[0], expected.weights);
      }
    }
  });

  it('the draws lie strictly inside (0, 1) on the float32 grid, and average to ½', () => {
    const U = signDropUniforms(new Rng(1), 20000);
    expect(Math.min(...U)).toBeGreaterThan(0);
    expect(Math.max(...U)).toBeLessThan(1);
    expect(Float32Array.from(U)).toEqual(U);
    expect(Math.abs(U.reduce((s, u) => s + u, 0) / U.length - 0.5)).toBeLessThan(0.01);
  });

  it('in expectation, coordinate k is P_k·(Σ positive) + (1 − P_k)·(Σ negative) (800 draws)', async () => {
    const grads = [
      [-4, 1, 3],
      [6, -1, -1],
    ];
    // P = (0.6, 0.5, 0.75): expected (0.6·6 − 0.4·4, 0.5·1 − 0.5·1, 0.75·3 − 0.25·1) = (2, 0, 2).
    const m = instantiate(graddrop, { replicas: 1, tasks: 2, shared: 3 }, {}, 9);
    const sum = [0, 0, 0];
    const N = 800;
    for (let s = 0; s < N; s++) {
      const out = await aggregatePlain(m, { grads: [grads], losses: [[1, 1]] }, s);
      out.direction[0]?.forEach((v, k) => (sum[k] = (sum[k] ?? 0) + v / N));
    }
    // Standard errors 10·√(0.24/800) = 0.17, 2·√(0.25/800) = 0.035, 4·√(0.1875/800) = 0.061: 4 allowed.
    [2, 0, 2].forEach((v, k) =>
      expect(Math.abs((sum[k] ?? NaN) - v)).toBeLessThan([0.7, 0.15, 0.25][k] ?? 0),
    );
  });

  it('for a given draw, scaling all gradients by c > 0 scales the direction; reordering tasks changes nothing', () => {
    const grads = randomPlainInput(4, 1, 3, 12).grads[0] ?? [];
    const U = Array.from(signDropUniforms(new Rng(2), 12));
    const base = withUniform(grads, U);
    for (const c of [0.125, 4]) {
      const scaled = withUniform(
        grads.map((g) => g.map((v) => c * v)),
        U,
      );
      expectRow(
        scaled.direction,
        base.direction.map((v) => c * v),
        6,
      );
      expectRow(scaled.weights, base.weights, 6);
    }
    const perm = [2, 0, 1];
    const permuted = withUniform(
      perm.map((t) => grads[t] ?? []),
      U,
    );
    expectRow(permuted.direction, base.direction, 6);
    expectRow(
      permuted.weights,
      perm.map((t) => base.weights[t] ?? NaN),
      6,
    );
  });
});
