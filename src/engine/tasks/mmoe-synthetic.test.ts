import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/spec';
import { Rng } from '../random/rng';
import { mmoeGenerator, mmoeSyntheticSuite, mmoeWeights, orthonormalVectors } from './mmoe-synthetic';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
};
const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));

/** Pearson correlation of the labels of tasks 0 and 1 in a shared split. */
function labelCorrelation(p: number, seed: number): number {
  const params = { ...defaultParams(mmoeSyntheticSuite.params), correlation: p, trainSamples: 4000 };
  const inst = mmoeSyntheticSuite.build(params, new Rng(seed));
  if (inst.kind !== 'data' || inst.train.mode !== 'shared') throw new Error('unexpected suite shape');
  const { y, count } = inst.train;
  const a = Array.from({ length: count }, (_, n) => y[2 * n] as number);
  const b = Array.from({ length: count }, (_, n) => y[2 * n + 1] as number);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const ma = mean(a);
  const mb = mean(b);
  return cosine(
    a.map((v) => v - ma),
    b.map((v) => v - mb),
  );
}

describe('mmoe-synthetic', () => {
  it('draws orthonormal directions', () => {
    const u = orthonormalVectors(5, 8, new Rng(1));
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) expect(dot(u[i]!, u[j]!)).toBeCloseTo(i === j ? 1 : 0, 10);
    }
  });

  it.each([0.9, 0.5, 0, -0.7])('cos(w1, w2) = p = %s; c = 1; for T > 2 the others meet at p²', (p) => {
    const w = mmoeWeights(4, 16, p, new Rng(2));
    expect(Math.sqrt(dot(w[0]!, w[0]!))).toBeCloseTo(1, 10);
    expect(Math.sqrt(dot(w[1]!, w[1]!))).toBeCloseTo(1, 10);
    expect(cosine(w[0]!, w[1]!)).toBeCloseTo(p, 10);
    expect(cosine(w[0]!, w[3]!)).toBeCloseTo(p, 10);
    expect(cosine(w[1]!, w[2]!)).toBeCloseTo(p * p, 10);
  });

  it("labels follow Google's generator: y = z + Σ_{i=1..10} sin(i·z + (i-1)²), z = w·x", () => {
    const w = mmoeWeights(2, 4, 0.5, new Rng(7));
    const gen = mmoeGenerator(2, 4, 0.5, 0, new Rng(7));
    // x = 0 gives z = 0: y = sin 0 + sin 1 + sin 4 + ... + sin 81, by hand -1.5789 (β_i = (i-1)², not i²).
    expect(gen.labels(0, new Float32Array(4), 1, new Rng(1))[0]).toBeCloseTo(-1.5789, 3);
    const x = Float32Array.from([0.5, -1, 0.25, 2]);
    for (const task of [0, 1]) {
      const z = dot(w[task]!, x);
      let y = z;
      for (let i = 1; i <= 10; i++) y += Math.sin(i * z + (i - 1) ** 2);
      expect(gen.labels(task, x, 1, new Rng(1))[0]).toBeCloseTo(y, 4);
    }
  });

  it('the optional `sines` param keeps the first m terms (default 10: the numbers above are unchanged)', () => {
    expect(defaultParams(mmoeSyntheticSuite.params).sines).toBe(10);
    const zero = new Float32Array(4);
    // m = 3 by hand: sin 0 + sin 1 + sin 4 = 0.8415 - 0.7568 = 0.0847.
    expect(mmoeGenerator(2, 4, 0.5, 0, new Rng(7), 3).labels(0, zero, 1, new Rng(1))[0]).toBeCloseTo(
      0.0847,
      3,
    );
    // m = 0: the label is the linear part w·x alone.
    const w = mmoeWeights(2, 4, 0.5, new Rng(7));
    const x = Float32Array.from([0.5, -1, 0.25, 2]);
    const linear = mmoeGenerator(2, 4, 0.5, 0, new Rng(7), 0);
    for (const task of [0, 1])
      expect(linear.labels(task, x, 1, new Rng(1))[0]).toBeCloseTo(dot(w[task]!, x), 5);
    // The suite passes it on: the same seed gives different labels with m = 3 than with the default.
    const labels = (sines: number) => {
      const params = { ...defaultParams(mmoeSyntheticSuite.params), sines, standardize: false };
      const inst = mmoeSyntheticSuite.build(params, new Rng(3));
      if (inst.kind !== 'data' || inst.train.mode !== 'shared') throw new Error('unexpected suite shape');
      return inst.train;
    };
    const [m3, m10] = [labels(3), labels(10)];
    expect(m3.x).toEqual(m10.x);
    expect(Math.abs((m3.y[0] as number) - (m10.y[0] as number))).toBeGreaterThan(1e-3);
  });

  it('the empirical label correlation falls as p falls', () => {
    const ps = [1, 0.9, 0.5, 0, -0.5];
    const corr = ps.map((p) => labelCorrelation(p, 4));
    expect(corr[0]).toBeGreaterThan(0.99); // p = 1: the same task up to noise 0.01
    for (let i = 1; i < ps.length; i++) expect(corr[i]).toBeLessThan(corr[i - 1]! - 0.05);
  });

  it('standardises each task with train statistics (mean 0, std 1 on train)', () => {
    const inst = mmoeSyntheticSuite.build(defaultParams(mmoeSyntheticSuite.params), new Rng(9));
    if (inst.kind !== 'data' || inst.train.mode !== 'shared') throw new Error('unexpected suite shape');
    const { y, count } = inst.train;
    for (let t = 0; t < 2; t++) {
      const v = Array.from({ length: count }, (_, n) => y[2 * n + t] as number);
      const m = v.reduce((s, x) => s + x, 0) / count;
      const sd = Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / count);
      expect(m).toBeCloseTo(0, 4);
      expect(sd).toBeCloseTo(1, 4);
    }
  });

  it('rejects fewer input dimensions than tasks', () => {
    const params = { ...defaultParams(mmoeSyntheticSuite.params), numTasks: 6, inputDim: 4 };
    const issues = mmoeSyntheticSuite.check?.(params) ?? [];
    expect(issues.map((i) => i.path)).toEqual(['inputDim']);
    expect(issues[0]?.message.length).toBeGreaterThan(10);
  });
});
