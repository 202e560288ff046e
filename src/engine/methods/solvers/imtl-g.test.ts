import { describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { imtlGradientWeights, solveLinear } from './imtl-g';

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
const gramOf = (G: number[][]): number[][] => G.map((a) => G.map((b) => dot(a, b)));
const combine = (alpha: number[], G: number[][]): number[] =>
  (G[0] ?? []).map((_, k) => G.reduce((s, g, t) => s + (alpha[t] ?? 0) * (g[k] ?? 0), 0));
/** d·u_t for every task, from the vectors themselves (not from the Gram matrix the solver saw). */
const projections = (d: number[], G: number[][]): number[] => G.map((g) => dot(d, g) / Math.sqrt(dot(g, g)));

describe('solveLinear', () => {
  it('solves a 3 x 3 system that needs pivoting, and reports a singular one', () => {
    // x = (1, −2, 3): the first pivot is 0, so the rows must be swapped.
    const M = [
      [0, 2, 1],
      [1, 1, 1],
      [2, -1, 3],
    ];
    const x = solveLinear(M, [-1, 2, 13]) ?? [];
    [1, -2, 3].forEach((v, i) => expect(x[i]).toBeCloseTo(v, 12));
    expect(
      solveLinear(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toBeNull();
  });
});

describe('imtlGradientWeights', () => {
  it('2 tasks, by hand: (2,0) and (0,1) give α = (1/3, 2/3), d = (2/3, 2/3)', () => {
    const G = [
      [2, 0],
      [0, 1],
    ];
    const alpha = imtlGradientWeights(gramOf(G));
    [1 / 3, 2 / 3].forEach((v, t) => expect(alpha[t]).toBeCloseTo(v, 14));
    projections(combine(alpha, G), G).forEach((p) => expect(p).toBeCloseTo(2 / 3, 14));
  });

  it('2 tasks, nearly collinear (1 mrad apart, norms 1 and 10): still α ∝ 1/|g_t|', () => {
    const e = 1e-3;
    const G = [
      [1, 0],
      [10 * Math.cos(e), 10 * Math.sin(e)],
    ];
    const alpha = imtlGradientWeights(gramOf(G));
    // d·(u_1 − u_2) = 0 and Σα = 1 give α_1 |g_1| = α_2 |g_2| for any angle between them.
    [10 / 11, 1 / 11].forEach((v, t) => expect(alpha[t]).toBeCloseTo(v, 8));
  });

  it('3 and 4 tasks: LibMTL IMTL.py in numpy (α = g_1 Uᵀ (D Uᵀ)⁻¹)', () => {
    const G3 = [
      [1, 0.2, -0.3],
      [-0.5, 1, 0.4],
      [0.3, -0.8, 1.2],
    ];
    const a3 = imtlGradientWeights(gramOf(G3));
    [0.37686029303955626, 0.3678391950518441, 0.25530051190859965].forEach((v, t) =>
      expect(a3[t]).toBeCloseTo(v, 12),
    );
    projections(combine(a3, G3), G3).forEach((p) => expect(p).toBeCloseTo(0.20243706942875195, 12));
    const G4 = [
      [1, 0.2, -0.3, 0.5],
      [-0.5, 1, 0.4, 0.1],
      [0.3, -0.8, 1.2, 0],
      [2, 1, 0.5, -1.5],
    ];
    const a4 = imtlGradientWeights(gramOf(G4));
    [0.33652970161826723, 0.37742524271128197, 0.27490338494366506, 0.011141670726785735].forEach((v, t) =>
      expect(a4[t]).toBeCloseTo(v, 12),
    );
  });

  it('3 tasks of very different magnitudes (1e3, 1e-3, 1): numpy, and equal projections', () => {
    const G = [
      [1000, 0.2, -300],
      [-0.5e-3, 1e-3, 0.4e-3],
      [0.3, -0.8, 1.2],
    ];
    const alpha = imtlGradientWeights(gramOf(G));
    [1.0194276001129765e-6, 0.9994557756473341, 0.0005432049250657656].forEach((v, t) =>
      expect(Math.abs((alpha[t] ?? 0) - v)).toBeLessThan(1e-9 * Math.max(1, v)),
    );
    const p = projections(combine(alpha, G), G);
    p.forEach((v) => expect(Math.abs(v - (p[0] ?? 0))).toBeLessThan(1e-12));
  });

  it('random problems, T = 2..8 in 12 dimensions: Σα = 1 and d·u_t equal to 1e-9', () => {
    const rng = new Rng(3);
    for (let T = 2; T <= 8; T++) {
      for (let trial = 0; trial < 5; trial++) {
        const G = Array.from({ length: T }, () => Array.from({ length: 12 }, () => rng.normal()));
        const alpha = imtlGradientWeights(gramOf(G));
        expect(alpha.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        const p = projections(combine(alpha, G), G);
        p.forEach((v) => expect(Math.abs(v - (p[0] ?? 0))).toBeLessThan(1e-9));
      }
    }
  });

  it('is permutation-equivariant', () => {
    const G = [
      [1, 0.2, -0.3],
      [-0.5, 1, 0.4],
      [0.3, -0.8, 1.2],
    ];
    const perm = [2, 0, 1];
    const a = imtlGradientWeights(gramOf(G));
    const b = imtlGradientWeights(gramOf(perm.map((t) => G[t] ?? [])));
    perm.forEach((t, i) => expect(b[i]).toBeCloseTo(a[t] ?? NaN, 12));
  });

  it('more tasks than directions (3 in 2-D): the unique solution, d = 0 (numpy)', () => {
    const k = 2 / Math.SQRT2;
    const G = [
      [1, 0],
      [0, 1],
      [k, k],
    ];
    const alpha = imtlGradientWeights(gramOf(G));
    [0.7734590803390134, 0.7734590803390137, -0.5469181606780271].forEach((v, t) =>
      expect(alpha[t]).toBeCloseTo(v, 10),
    );
    combine(alpha, G).forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-10));
  });

  it('degenerate inputs: a zero gradient gets α = 0, identical directions fall back to the mean', () => {
    const withZero = imtlGradientWeights(
      gramOf([
        [2, 0],
        [0, 0],
        [0, 1],
      ]),
    );
    [1 / 3, 0, 2 / 3].forEach((v, t) => expect(withZero[t]).toBeCloseTo(v, 12));
    expect(
      imtlGradientWeights(
        gramOf([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toEqual([0.5, 0.5]);
    const same = imtlGradientWeights(
      gramOf([
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
    );
    same.forEach((v) => expect(v).toBeCloseTo(1 / 3, 12));
  });
});
