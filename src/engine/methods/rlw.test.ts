import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { drawRlwWeights, rlw } from './rlw';
import type { RlwDistribution } from './rlw.card';
import { aggregatePlain, instantiate } from './testing';

const N = 4000;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
};
const draws = (distribution: RlwDistribution, T: number, seed = 1): number[][] => {
  const rng = new Rng(seed);
  return Array.from({ length: N }, () => drawRlwWeights(rng, T, distribution));
};
const column = (rows: number[][], t: number) => rows.map((w) => w[t] ?? NaN);

describe('rlw', () => {
  it('normal: T·softmax of the seeded N(0,1) draws, one draw shared by the replicas (2 and 3 tasks)', async () => {
    for (const T of [2, 3]) {
      const m = instantiate(rlw, { replicas: 2, tasks: T, shared: 2 }, {}, 7);
      const reference = new Rng(7); // the same stream the method was given, re-done the direct way
      const grads = Array.from({ length: T }, (_, t) => [t + 1, t % 2 === 0 ? -1 : 2]);
      for (let step = 0; step < 3; step++) {
        const z = Array.from({ length: T }, () => reference.normal());
        const e = z.map(Math.exp);
        const w = e.map((v) => (T * v) / e.reduce((a, b) => a + b, 0));
        const out = await aggregatePlain(
          m,
          { grads: [grads, grads], losses: [grads.map(() => 1), grads.map(() => 1)] },
          step,
        );
        for (const r of [0, 1]) {
          w.forEach((v, t) => expect(out.weights[r]?.[t]).toBeCloseTo(v, 5));
          [0, 1].forEach((k) =>
            expect(out.direction[r]?.[k]).toBeCloseTo(
              grads.reduce((s, g, t) => s + (w[t] ?? 0) * (g[k] ?? 0), 0),
              4,
            ),
          );
        }
      }
      m.dispose();
    }
  });

  it('softmax distributions: Σw = T, every task averages weight 1 (4000 draws, 3 tasks)', () => {
    for (const distribution of ['normal', 'uniform', 'dirichlet'] as const) {
      const rows = draws(distribution, 3);
      expect(Math.max(...rows.map((w) => Math.abs(w.reduce((a, b) => a + b, 0) - 3)))).toBeLessThan(1e-12);
      [0, 1, 2].forEach((t) => expect(Math.abs(mean(column(rows, t)) - 1)).toBeLessThan(0.04));
    }
  });

  it('the draws follow the named distribution: log(w_1/w_2) = z_1 − z_2 has the right spread', () => {
    const logRatio = (rows: number[][]) => rows.map((w) => Math.log((w[0] ?? 1) / (w[1] ?? 1)));
    // N(0,1): Var(z1 − z2) = 2. U(0,1): 1/6. Dir(1,1): p1 − p2 = 2p1 − 1 ~ U(−1, 1), variance 1/3.
    expect(Math.abs(variance(logRatio(draws('normal', 2))) - 2)).toBeLessThan(0.15);
    expect(Math.abs(variance(logRatio(draws('uniform', 2))) - 1 / 6)).toBeLessThan(0.015);
    expect(Math.abs(variance(logRatio(draws('dirichlet', 2))) - 1 / 3)).toBeLessThan(0.025);
    for (const d of ['uniform', 'dirichlet'] as const)
      expect(Math.max(...logRatio(draws(d, 3)).map(Math.abs))).toBeLessThan(1);
  });

  it('bernoulli: 0/1 weights, never all 0, each task on with probability ½ / (1 − 2^−T)', () => {
    const rows = draws('bernoulli', 3);
    expect(rows.every((w) => w.every((v) => v === 0 || v === 1))).toBe(true);
    expect(rows.every((w) => w.some((v) => v === 1))).toBe(true);
    [0, 1, 2].forEach((t) => expect(Math.abs(mean(column(rows, t)) - 0.5 / 0.875)).toBeLessThan(0.03));
  });

  it('constrained-bernoulli: one task per step gets weight T, each about 1/T of the time', () => {
    const rows = draws('constrained-bernoulli', 4);
    expect(
      rows.every((w) => w.filter((v) => v === 4).length === 1 && w.filter((v) => v === 0).length === 3),
    ).toBe(true);
    [0, 1, 2, 3].forEach((t) => expect(Math.abs(mean(column(rows, t)) - 1)).toBeLessThan(0.1));
  });

  it('is determined by its seed', async () => {
    const run = async (seed: number) => {
      const m = instantiate(rlw, { replicas: 1, tasks: 3, shared: 1 }, {}, seed);
      const weights: number[][] = [];
      for (let s = 0; s < 4; s++)
        weights.push(
          (await aggregatePlain(m, { grads: [[[1], [1], [1]]], losses: [[1, 1, 1]] }, s)).weights[0] ?? [],
        );
      m.dispose();
      return weights;
    };
    const a = await run(5);
    expect(await run(5)).toEqual(a);
    expect(await run(6)).not.toEqual(a);
    expect(a[1]).not.toEqual(a[0]); // fresh weights every step
  });
});
