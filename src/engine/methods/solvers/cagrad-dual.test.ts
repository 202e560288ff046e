import { describe, expect, it } from 'vitest';
import { cagradObjective, cagradWeights } from './cagrad-dual';

const gramOf = (G: number[][]): number[][] =>
  G.map((a) => G.map((b) => a.reduce((s, v, k) => s + v * (b[k] ?? 0), 0)));
const cOf = (A: number[][], calpha: number): number =>
  calpha * Math.sqrt(A.flat().reduce((s, v) => s + v, 0) / A.length ** 2);

// References: scipy.optimize.minimize(SLSQP, ftol=1e-16) of LibMTL's objective (without its 1e-8 guards),
// best of 21 starts (uniform + Dirichlet draws), numpy 2.4 / scipy 1.17.
describe('cagradWeights', () => {
  const G2 = [
    [1, 0],
    [-0.5, 1],
  ];
  it.each([
    [0.5, [0.6172534653750561, 0.38274653462494385]],
    [0.9, [0.5812751162467817, 0.4187248837532183]],
    [2.0, [0.5575806091271457, 0.44241939087285426]],
  ])('2 tasks, calpha %s: exact 1-D solve matches scipy', (calpha, expected) => {
    const A = gramOf(G2);
    const w = cagradWeights(A, cOf(A, calpha));
    w.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 6));
  });

  it('2 tasks: no point of a fine grid does better', () => {
    const A = gramOf([
      [2, 1, 0],
      [-1, 0.5, 0.3],
    ]);
    const c = cOf(A, 0.7);
    const w = cagradWeights(A, c);
    const f = cagradObjective(A, c, w);
    for (let i = 0; i <= 10000; i++)
      expect(f).toBeLessThanOrEqual(cagradObjective(A, c, [i / 1e4, 1 - i / 1e4]) + 1e-14);
  });

  it('3 tasks, calpha 0.5: matches scipy (solution on a face, w₃ = 0)', () => {
    const A = gramOf([
      [1, 0.2, -0.3],
      [-0.5, 1, 0.4],
      [0.3, -0.8, 1.2],
    ]);
    const c = cOf(A, 0.5);
    const w = cagradWeights(A, c);
    [0.5487052814059413, 0.45129471859405856, 0].forEach((v, i) => expect(w[i]).toBeCloseTo(v, 6));
    expect(cagradObjective(A, c, w)).toBeCloseTo(0.338161154338412, 10);
  });

  it('4 tasks: no point of a grid over the simplex does better', () => {
    const A = gramOf([
      [1, 0, 0.5],
      [0, 1, -0.5],
      [-0.7, -0.2, 0.1],
      [0.3, 0.3, -1],
    ]);
    const c = cOf(A, 0.4);
    const f = cagradObjective(A, c, cagradWeights(A, c));
    const n = 40;
    for (let i = 0; i <= n; i++)
      for (let j = 0; i + j <= n; j++)
        for (let k = 0; i + j + k <= n; k++)
          expect(f).toBeLessThanOrEqual(
            cagradObjective(A, c, [i / n, j / n, k / n, (n - i - j - k) / n]) + 1e-12,
          );
  });

  it('c = 0 and a single task return the uniform / trivial weights', () => {
    expect(
      cagradWeights(
        gramOf([
          [1, 0],
          [0, 1],
          [1, 1],
        ]),
        0,
      ),
    ).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(cagradWeights([[2]], 1)).toEqual([1]);
  });
});
