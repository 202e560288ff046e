import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/spec';
import { Rng } from '../random/rng';
import {
  domainMap,
  domainsGenerator,
  randomTeacher,
  rotatedDomainsSuite,
  teacherOutput,
  DOMAIN_TRANSFORMS,
} from './rotated-domains';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
};
const apply = (rows: Float64Array[], x: ArrayLike<number>) => rows.map((row) => dot(row, x));
/** Rᵀ y for an orthogonal R given by rows. */
const applyTransposed = (rows: Float64Array[], y: number[]) =>
  Array.from({ length: y.length }, (_, j) =>
    rows.reduce((s, row, i) => s + (row[j] as number) * (y[i] as number), 0),
  );

describe('rotated-domains', () => {
  it.each(DOMAIN_TRANSFORMS)('%s: every domain map is orthogonal (R Rᵀ = I)', (transform) => {
    const rows = domainMap(transform, 6, new Rng(3));
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) expect(dot(rows[i]!, rows[j]!)).toBeCloseTo(i === j ? 1 : 0, 10);
    }
    if (transform !== 'rotation') {
      // Permutation and identity: 0/1 entries, one 1 per row.
      for (const row of rows) expect([...row].sort()).toEqual([0, 0, 0, 0, 0, 1]);
    }
    if (transform === 'identity') rows.forEach((row, i) => expect(row[i]).toBe(1));
  });

  it('domain t labels x with f(R_t x): the same function, seen through each map', () => {
    const dim = 5;
    const rng = new Rng(11);
    const gen = domainsGenerator(3, dim, 4, 'rotation', 0, rng);
    // The generator's streams are forks by label, so the test can rebuild its teacher and maps.
    const teacher = randomTeacher(4, dim, rng.fork('teacher'));
    const maps = [0, 1, 2].map((t) => domainMap('rotation', dim, rng.fork(`map/${t}`)));
    const x1 = Float32Array.from([0.3, -1.2, 0.8, 2.0, -0.5]);
    const y1 = gen.labels(0, x1, 1, new Rng(1))[0]!;
    expect(y1).toBeCloseTo(teacherOutput(teacher, apply(maps[0]!, x1)), 5);
    // x2 = R_2ᵀ R_1 x1 gives R_2 x2 = R_1 x1: domain 2 must give it domain 1's label.
    const x2 = Float32Array.from(applyTransposed(maps[2]!, apply(maps[0]!, x1)));
    expect(gen.labels(2, x2, 1, new Rng(1))[0]).toBeCloseTo(y1, 5);
    // ...and the same raw input gets a different label in another domain (the views really differ).
    expect(Math.abs((gen.labels(1, x1, 1, new Rng(1))[0] as number) - y1)).toBeGreaterThan(1e-3);
  });

  it('identity: every domain is the same task (labels equal up to the noise)', () => {
    const params = {
      ...defaultParams(rotatedDomainsSuite.params),
      transform: 'identity',
      noise: 0,
      trainSamples: 300,
    };
    const inst = rotatedDomainsSuite.build(params, new Rng(5));
    if (inst.kind !== 'data' || inst.train.mode !== 'shared') throw new Error('unexpected suite shape');
    for (let n = 0; n < inst.train.count; n++)
      expect(inst.train.y[2 * n]).toBeCloseTo(inst.train.y[2 * n + 1]!, 5);
  });

  it('standardises each domain with its own train statistics, and the teacher is not linear', () => {
    const params = { ...defaultParams(rotatedDomainsSuite.params), inputs: 'separate', noise: 0 };
    const inst = rotatedDomainsSuite.build(params, new Rng(9));
    if (inst.kind !== 'data' || inst.train.mode !== 'separate') throw new Error('unexpected suite shape');
    for (let t = 0; t < 2; t++) {
      const y = inst.train.y[t]!;
      const x = inst.train.x[t]!;
      const n = y.length;
      const mean = y.reduce((s, v) => s + v, 0) / n;
      const sd = Math.sqrt(y.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
      expect(mean).toBeCloseTo(0, 4);
      expect(sd).toBeCloseTo(1, 4);
      // For x ~ N(0, I) the least-squares slope on input i is E[x_i y]; their squares sum to the R² of the
      // best linear fit, which must leave a clear share of the variance to the non-linear part.
      const d = inst.inputDim;
      let linearR2 = 0;
      for (let i = 0; i < d; i++) {
        let c = 0;
        for (let k = 0; k < n; k++) c += (x[k * d + i] as number) * (y[k] as number);
        linearR2 += (c / n) ** 2;
      }
      expect(linearR2).toBeLessThan(0.9);
    }
  });

  it('lists one task per domain, named so', () => {
    const inst = rotatedDomainsSuite.build(
      { ...defaultParams(rotatedDomainsSuite.params), numTasks: 3, trainSamples: 100 },
      new Rng(2),
    );
    expect(inst.tasks.map((t) => t.name)).toEqual(['domain 1', 'domain 2', 'domain 3']);
  });
});
