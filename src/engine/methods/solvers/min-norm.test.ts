import { describe, expect, it } from 'vitest';
import { minNorm2, minNormElement } from './min-norm';

const gramOf = (G: number[][]): number[][] =>
  G.map((a) => G.map((b) => a.reduce((s, v, k) => s + v * (b[k] ?? 0), 0)));
const quad = (A: number[][], w: number[]): number =>
  A.reduce((s, row, i) => s + (w[i] ?? 0) * row.reduce((r, a, j) => r + a * (w[j] ?? 0), 0), 0);

/** KKT of min wᵀAw on the simplex: (Aw)_i ≥ wᵀAw for all i, with equality on the support. */
function expectOptimal(A: number[][], w: number[], tol: number): void {
  const wAw = quad(A, w);
  expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  A.forEach((row, i) => {
    const Aw = row.reduce((r, a, j) => r + a * (w[j] ?? 0), 0);
    expect(w[i] ?? 0).toBeGreaterThanOrEqual(0);
    expect(Aw).toBeGreaterThanOrEqual(wAw - tol);
    if ((w[i] ?? 0) > 1e-9) expect(Math.abs(Aw - wAw)).toBeLessThan(tol);
  });
}

describe('minNorm2 (closed form for two vectors)', () => {
  it('interior: v1 = (1,0), v2 = (0,2) gives γ = 4/5, point (0.8, 0.4)', () => {
    expect(minNorm2(1, 0, 4)).toBeCloseTo(0.8, 15);
  });
  it('ends: a vector that is itself the closest point gets all the weight', () => {
    // v1 = (1,0), v2 = (2,1): v1·v2 = 2 ≥ |v1|² so the min-norm point is v1.
    expect(minNorm2(1, 2, 5)).toBe(1);
    expect(minNorm2(5, 2, 1)).toBe(0);
  });
});

describe('minNormElement', () => {
  it('matches the two-vector closed form exactly', () => {
    const r = minNormElement(
      gramOf([
        [1, 0],
        [0, 2],
      ]),
    );
    expect(r.weights[0]).toBeCloseTo(0.8, 15);
    expect(r.normSq).toBeCloseTo(0.8, 14); // |(0.8, 0.4)|²
  });

  it('3 tasks, interior solution (numpy: active-set enumeration of the KKT system)', () => {
    const G = [
      [1, 0.2, -0.3],
      [-0.5, 1, 0.4],
      [0.3, -0.8, 1.2],
    ];
    const r = minNormElement(gramOf(G));
    const expected = [0.3982394623420264, 0.3690919716560742, 0.23266856600189934];
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i] ?? NaN, 9));
    expect(r.normSq).toBeCloseTo(0.2438048798305208, 12);
  });

  it('4 tasks, solution on a face (numpy enumeration: the last weight is 0)', () => {
    const G = [
      [2, 0, 0, 1],
      [0, 1, 0, -1],
      [-1, -1, 1, 0],
      [0.5, 0.5, 0.5, 0.5],
    ];
    const r = minNormElement(gramOf(G));
    const expected = [0.25423728813559326, 0.3898305084745763, 0.35593220338983056, 0];
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i] ?? NaN, 9));
    expect(r.normSq).toBeCloseTo(0.16949152542372883, 12);
  });

  it('more tasks than dimensions (singular Gram): the point is unique even if weights are not', () => {
    const G = [
      [1, 0],
      [0, 1],
      [2, 2],
      [-0.2, 3],
    ];
    const A = gramOf(G);
    const r = minNormElement(A);
    expect(r.normSq).toBeCloseTo(0.5, 10); // the segment (1,0)–(0,1) is closest at (0.5, 0.5)
    expectOptimal(A, r.weights, 1e-9);
  });

  it('beats a brute-force grid over the 3-simplex and satisfies KKT on random problems', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let trial = 0; trial < 20; trial++) {
      const T = 3 + (trial % 4);
      const G = Array.from({ length: T }, () => Array.from({ length: 5 }, rand));
      const A = gramOf(G);
      const r = minNormElement(A);
      expectOptimal(A, r.weights, 1e-9);
      if (T === 3) {
        let best = Infinity;
        for (let i = 0; i <= 200; i++)
          for (let j = 0; i + j <= 200; j++)
            best = Math.min(best, quad(A, [i / 200, j / 200, 1 - (i + j) / 200]));
        expect(r.normSq).toBeLessThanOrEqual(best + 1e-12);
      }
    }
  });

  it('a single task is its own min-norm point', () => {
    expect(minNormElement([[4]]).weights).toEqual([1]);
  });
});
