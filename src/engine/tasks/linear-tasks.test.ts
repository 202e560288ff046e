/**
 * The linear tasks against numbers worked out by hand (the 2- and 3-task roots of G), the Gram matrix of
 * the drawn vectors, and the task vectors recovered from the samples alone by least squares.
 */
import { describe, expect, it } from 'vitest';
import { defaultParams, type AnyParams } from '../params/spec';
import { Rng } from '../random/rng';
import { equicorrelatedRoot, linearTaskVectors, linearTasksSuite } from './linear-tasks';
import type { DataSuiteInstance } from './types';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((s, v, i) => s + v * (b[i] ?? NaN), 0);

const expectRows = (got: number[][], want: number[][], tol: number) => {
  expect(got).toHaveLength(want.length);
  got.forEach((row, i) =>
    row.forEach((v, j) => expect(Math.abs(v - (want[i]?.[j] ?? NaN))).toBeLessThan(tol)),
  );
};

const gram = (w: readonly ArrayLike<number>[]) => w.map((a) => w.map((b) => dot(a, b)));
const target = (T: number, rho: number) =>
  Array.from({ length: T }, (_, s) => Array.from({ length: T }, (_, t) => (s === t ? 1 : rho)));

function build(params: AnyParams, seed = 1): DataSuiteInstance {
  const inst = linearTasksSuite.build(
    { ...defaultParams(linearTasksSuite.params), ...params },
    new Rng(seed),
  );
  if (inst.kind !== 'data') throw new Error('linear-tasks is a data suite');
  return inst;
}

/** Least squares w = (XᵀX)⁻¹ Xᵀy in float64, by Gauss–Jordan elimination of the normal equations. */
function leastSquares(x: ArrayLike<number>, y: ArrayLike<number>, dim: number): number[] {
  const n = y.length;
  const a = Array.from({ length: dim }, (_, i) => {
    const row = new Array<number>(dim + 1).fill(0);
    for (let k = 0; k < n; k++) {
      const xi = x[k * dim + i] ?? NaN;
      for (let j = 0; j < dim; j++) row[j] = (row[j] ?? 0) + xi * (x[k * dim + j] ?? NaN);
      row[dim] = (row[dim] ?? 0) + xi * (y[k] ?? NaN);
    }
    return row;
  });
  for (let c = 0; c < dim; c++) {
    const pivot = a[c] as number[];
    const p = pivot[c] ?? NaN;
    for (let j = 0; j <= dim; j++) pivot[j] = (pivot[j] ?? NaN) / p;
    for (const row of a) {
      if (row === pivot) continue;
      const f = row[c] ?? NaN;
      for (let j = 0; j <= dim; j++) row[j] = (row[j] ?? NaN) - f * (pivot[j] ?? NaN);
    }
  }
  return a.map((row) => row[dim] ?? NaN);
}

/** Task t's targets of a shared split, y [N, T, 1]. */
const targetsOf = (y: Float32Array, T: number, t: number) => y.filter((_, i) => i % T === t);

describe('linear tasks', () => {
  it('the root of G by hand: two tasks at cosine 1/2 are 15° either side of 45°', () => {
    // T = 2, ρ = 1/2: q = √(1/2), a = (√(3/2) - √(1/2))/2 = sin 15°, q + a = cos 15°.
    const [c, s] = [Math.cos(Math.PI / 12), Math.sin(Math.PI / 12)];
    expectRows(
      equicorrelatedRoot(2, 0.5),
      [
        [c, s],
        [s, c],
      ],
      1e-12,
    );
  });

  it('the root of G by hand: three tasks at the lowest cosine -1/2 are the vertices of a triangle', () => {
    // T = 3, ρ = -1/2: 1 + 2ρ = 0, so a = -√(3/2)/3 = -1/√6 and q + a = √(3/2) - 1/√6 = 2/√6.
    const [d, o] = [2 / Math.sqrt(6), -1 / Math.sqrt(6)];
    expectRows(
      equicorrelatedRoot(3, -0.5),
      [
        [d, o, o],
        [o, d, o],
        [o, o, d],
      ],
      1e-12,
    );
  });

  it.each([
    [2, 2, -1],
    [2, 5, 0],
    [3, 8, 0.5],
    [4, 4, -1 / 3],
    [5, 12, 0.9],
    [8, 16, 1],
  ])('%i tasks in R^%i at cosine %f: unit vectors with exactly that pairwise cosine', (T, d, rho) => {
    const w = linearTaskVectors(T, d, rho, new Rng(T * 100 + d));
    expect(w.every((v) => v.length === d)).toBe(true);
    expectRows(gram(w), target(T, rho), 1e-9);
  });

  it('the samples alone give the task vectors back (noise 0: least squares is exact)', () => {
    const [T, d] = [3, 5];
    const inst = build({ numTasks: T, inputDim: d, cosine: 0.3, noise: 0, trainSamples: 200 });
    if (inst.train.mode !== 'shared') throw new Error('expected shared inputs');
    const { x, y } = inst.train;
    const w = Array.from({ length: T }, (_, t) => leastSquares(x, targetsOf(y, T, t), d));
    // Float32 samples: the recovered vectors agree to about 1e-6.
    expectRows(gram(w), target(T, 0.3), 1e-4);
    // And they are the generator's own vectors (the suite draws them from the fork 'task-vectors').
    const drawn = linearTaskVectors(T, d, 0.3, new Rng(1).fork('task-vectors'));
    expectRows(
      w,
      drawn.map((v) => Array.from(v)),
      1e-4,
    );
  });

  it('noise adds N(0, σ²) to every label: the least-squares residual variance is σ²', () => {
    const [T, d, sigma] = [2, 4, 0.5];
    const inst = build({ numTasks: T, inputDim: d, cosine: 0, noise: sigma, trainSamples: 20_000 });
    if (inst.train.mode !== 'shared') throw new Error('expected shared inputs');
    const { x, y, count } = inst.train;
    for (let t = 0; t < T; t++) {
      const yt = targetsOf(y, T, t);
      const w = leastSquares(x, yt, d);
      let sse = 0;
      for (let n = 0; n < count; n++) sse += ((yt[n] ?? NaN) - dot(w, x.subarray(n * d, (n + 1) * d))) ** 2;
      // Var of the sample variance: 2σ⁴/N, a relative sd of 1%; 5% leaves room.
      expect(sse / count / sigma ** 2).toBeGreaterThan(0.95);
      expect(sse / count / sigma ** 2).toBeLessThan(1.05);
    }
  });

  it('check: enough dimensions for the tasks, no cosine below -1/(T-1)', () => {
    const check = (p: AnyParams) =>
      linearTasksSuite.check?.({ ...defaultParams(linearTasksSuite.params), ...p }).map((i) => i.path);
    expect(check({ numTasks: 4, inputDim: 4, cosine: -1 / 3 })).toEqual([]);
    expect(check({ numTasks: 4, inputDim: 4, cosine: -0.34 })).toEqual(['cosine']);
    expect(check({ numTasks: 2, inputDim: 2, cosine: -1 })).toEqual([]);
    expect(check({ numTasks: 5, inputDim: 4 })).toEqual(['inputDim']);
    expect(check({ numTasks: 2, labelNoise: [0.1] })).toEqual(['labelNoise']);
  });
});
