import { describe, expect, it } from 'vitest';
import { solveNashSystem } from './nash-system';

type M = number[][];
const gramOf = (G: M): M => G.map((a) => G.map((b) => a.reduce((s, v, k) => s + v * (b[k] ?? 0), 0)));
const mv = (A: M, v: number[]) => A.map((row) => row.reduce((s, a, j) => s + a * (v[j] ?? 0), 0));

let seed = 5;
const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
const randomMatrix = (rows: number, cols: number): M =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, rand));

const G3 = [
  [1, 0.2, -0.3],
  [-0.5, 1, 0.4],
  [0.3, -0.8, 1.2],
];
const MAG = [
  [10, 0, 1],
  [-0.1, 0.02, 0],
  [0.5, -3, 0.1],
];

describe('solveNashSystem', () => {
  it('an indefinite float32 Gram matrix (anti-parallel gradients at a Pareto point): finite positive weights', () => {
    // Read back from the toy at a Pareto-stationary point (lesson loss-scales-toy): det = −1.1e-8 < 0.
    const A = [
      [0.030756697058677673, -0.4600803256034851],
      [-0.4600803256034851, 6.882205009460449],
    ];
    expect((A[0]?.[0] ?? 0) * (A[1]?.[1] ?? 0) - (A[0]?.[1] ?? 0) ** 2).toBeLessThan(0);
    const r = solveNashSystem(A);
    r.weights.forEach((w) => {
      expect(Number.isFinite(w)).toBe(true);
      expect(w).toBeGreaterThan(0);
    });
  });

  it('p = 1, random SPD A (T = 2..8): |Aα − 1/α| < 1e-8, α > 0, within 20 Newton steps', () => {
    for (let trial = 0; trial < 70; trial++) {
      const T = 2 + (trial % 7);
      const A = gramOf(randomMatrix(T, T + 1 + (trial % 3)));
      const r = solveNashSystem(A);
      expect(r.iterations).toBeLessThanOrEqual(20);
      r.weights.forEach((a) => expect(a).toBeGreaterThan(0));
      mv(A, r.weights).forEach((v, i) => expect(Math.abs(v - 1 / (r.weights[i] ?? 1))).toBeLessThan(1e-8));
      expect(r.residual).toBeLessThan(1e-13);
    }
  });

  it('orthogonal gradients: α_t = 1/|g_t| (p = 1) and w_t = |g_t|^(−2/(1+p)) in general', () => {
    const A = [
      [4, 0, 0],
      [0, 0.25, 0],
      [0, 0, 9],
    ];
    // Exact with ridge = 0; the default ridge (A_ii·(1 + 1e-12)) moves the weights by ~1e-12 relative.
    const r = solveNashSystem(A, { ridge: 0 });
    [1 / 2, 2, 1 / 3].forEach((v, i) => expect(r.weights[i]).toBeCloseTo(v, 14));
    const q = solveNashSystem(A, { power: 0.5, ridge: 0 }); // FairGrad α = 2: w = A_ii^(−2/3)
    [4, 0.25, 9].forEach((a, i) => expect(q.weights[i]).toBeCloseTo(Math.pow(a, -2 / 3), 14));
    solveNashSystem(A).weights.forEach((w, i) => expect(w / [1 / 2, 2, 1 / 3][i]!).toBeCloseTo(1, 11));
  });

  it('2 tasks, p = 1, closed form: α₁ = 1/√(a + b√(a/c)), α₂ = α₁√(a/c)', () => {
    // a α₁² + b α₁α₂ = 1 and b α₁α₂ + c α₂² = 1 give a α₁² = c α₂².
    const A = gramOf([
      [1, 0],
      [-0.5, 1],
    ]);
    const [[a = 0, b = 0], [, c = 0]] = A as [[number, number], [number, number]];
    const a1 = 1 / Math.sqrt(a + b * Math.sqrt(a / c));
    const r = solveNashSystem(A, { ridge: 0 });
    expect(r.weights[0]).toBeCloseTo(a1, 13);
    expect(r.weights[1]).toBeCloseTo(a1 * Math.sqrt(a / c), 13);
  });

  // scipy.optimize.least_squares(A x − x^(−1/α), x0 = 1/T, bounds (0, ∞), tolerances 1e-15), as the
  // FairGrad code does (scipy 1.17).
  it.each([
    ['G3', 1, G3, [1.3173810363933394, 1.2594518915086073, 0.9117679668058428]],
    ['G3', 2, G3, [1.4193755171302005, 1.340597579418621, 0.9158063892200081]],
    ['G3', 0.5, G3, [1.2161110479445465, 1.1793291153794783, 0.9214588162255971]],
    ['magnitudes', 1, MAG, [1.59281214387253, 166.31101299282017, 1.1891778212761344]],
    ['magnitudes', 2, MAG, [4.776365155821005, 499.07535989182395, 3.356871080911764]],
    ['magnitudes', 0.5, MAG, [1.226760661541037, 128.15007889416177, 0.9630842425186701]],
  ])('%s, α = %s (p = 1/α): matches scipy least_squares', (_, alpha, G, expected) => {
    const r = solveNashSystem(gramOf(G), { power: 1 / alpha });
    expected.forEach((v, i) => expect(Math.abs((r.weights[i] ?? NaN) - v)).toBeLessThan(1e-9 * v));
  });

  it('other powers (p = 0.1 … 10), T up to 8: residual at rounding level', () => {
    for (const power of [0.1, 0.5, 2, 10]) {
      for (let trial = 0; trial < 20; trial++) {
        const T = 2 + (trial % 7);
        const A = gramOf(randomMatrix(T, T + 2));
        const r = solveNashSystem(A, { power });
        expect(r.residual).toBeLessThan(1e-13);
        // Directly, against the size of the terms: with p = 10, w^(−p) spans decades and (Aw)_i cancels.
        mv(A, r.weights).forEach((v, i) => {
          const target = Math.pow(r.weights[i] ?? 0, -power);
          const terms = (A[i] ?? []).reduce((s, a, j) => s + Math.abs(a * (r.weights[j] ?? 0)), 0);
          expect(Math.abs(v - target)).toBeLessThan(1e-12 * Math.max(terms, target));
        });
      }
    }
  });

  it('scale: A·k gives w·k^(−1/(1+p)) (any gradient scale, same relative accuracy)', () => {
    const A = gramOf(G3);
    for (const power of [1, 0.5]) {
      const w = solveNashSystem(A, { power }).weights;
      for (const k of [1e-12, 1e-4, 1e6]) {
        const wk = solveNashSystem(
          A.map((row) => row.map((v) => v * k)),
          { power },
        ).weights;
        wk.forEach((v, i) => expect(v / ((w[i] ?? 0) * Math.pow(k, -1 / (1 + power)))).toBeCloseTo(1, 12));
      }
    }
  });

  it('nearly collinear, strongly conflicting gradients: residual still tiny, weights large', () => {
    const A = gramOf([
      [1, 0.001],
      [-1, 0.001],
      [0.3, 1],
    ]);
    const r = solveNashSystem(A);
    expect(r.residual).toBeLessThan(1e-9);
    expect(Math.min(r.weights[0] ?? 0, r.weights[1] ?? 0)).toBeGreaterThan(100);
  });

  it('a zero gradient gets weight 0; the others solve the system without it', () => {
    const G = [
      [1, 0],
      [0, 0],
      [0.5, 2],
    ];
    const r = solveNashSystem(gramOf(G));
    expect(r.weights[1]).toBe(0);
    const without = solveNashSystem(gramOf([G[0] as number[], G[2] as number[]]));
    expect(r.weights[0]).toBeCloseTo(without.weights[0] ?? NaN, 12);
    expect(r.weights[2]).toBeCloseTo(without.weights[1] ?? NaN, 12);
    expect(solveNashSystem([[0]]).weights).toEqual([0]);
  });

  it('exact Pareto stationarity (g and −g): finite weights whose combination is (nearly) zero', () => {
    const G = [
      [1, 2],
      [-1, -2],
    ];
    const r = solveNashSystem(gramOf(G));
    r.weights.forEach((w) => expect(Number.isFinite(w)).toBe(true));
    expect(r.weights[0]).toBeCloseTo(r.weights[1] ?? NaN, 6);
  });
});
