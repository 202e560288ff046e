import { describe, expect, it } from 'vitest';
import { boxQPObjective, solveBoxQP } from './box-qp';

type M = number[][];
const gramOf = (G: M): M => G.map((a) => G.map((b) => a.reduce((s, v, k) => s + v * (b[k] ?? 0), 0)));
const mv = (A: M, v: number[]) => A.map((row) => row.reduce((s, a, j) => s + a * (v[j] ?? 0), 0));

let seed = 11;
const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
const randomMatrix = (rows: number, cols: number): M =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, rand));

/** Plain Gaussian elimination with partial pivoting; null when a pivot is below 1e-12 (singular). */
function gaussSolve(A: M, b: number[]): number[] | null {
  const n = b.length;
  const m = A.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[p]?.[c] ?? 0)) p = r;
    if (Math.abs(m[p]?.[c] ?? 0) < 1e-12) return null;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    for (let r = c + 1; r < n; r++) {
      const f = (m[r]?.[c] ?? 0) / (m[c]?.[c] ?? 1);
      for (let k = c; k <= n; k++) (m[r] as number[])[k] = (m[r]?.[k] ?? 0) - f * (m[c]?.[k] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]?.[n] ?? 0;
    for (let k = r + 1; k < n; k++) s -= (m[r]?.[k] ?? 0) * (x[k] ?? 0);
    x[r] = s / (m[r]?.[r] ?? 1);
  }
  return x;
}

/**
 * Brute force: every subset S of variables free (the rest at their bound) gives a candidate from the
 * linear system on S; keep the KKT points (feasible, gradient ≥ 0 at the bound) and return the best.
 */
function enumerate(Q: M, lower: number[], c: number[]): number[] {
  const T = lower.length;
  const q = mv(Q, lower).map((v, i) => v + (c[i] ?? 0));
  let best: { x: number[]; f: number } | null = null;
  for (let mask = 0; mask < 1 << T; mask++) {
    const S = Array.from({ length: T }, (_, i) => i).filter((i) => mask & (1 << i));
    const sub = S.length
      ? gaussSolve(
          S.map((i) => S.map((j) => Q[i]?.[j] ?? 0)),
          S.map((i) => -(q[i] ?? 0)),
        )
      : [];
    if (!sub) continue;
    const x = new Array<number>(T).fill(0);
    S.forEach((i, k) => (x[i] = sub[k] ?? 0));
    const grad = mv(Q, x).map((v, i) => v + (q[i] ?? 0));
    if (x.some((v) => v < -1e-12) || grad.some((g, i) => !S.includes(i) && g < -1e-12)) continue;
    const v = x.map((xi, i) => xi + (lower[i] ?? 0));
    const f = boxQPObjective(Q, v, c);
    if (!best || f < best.f) best = { x: v, f };
  }
  if (!best) throw new Error('no KKT point found');
  return best.x;
}

/** The KKT conditions of the original problem, checked directly on v. */
function expectKKT(Q: M, lower: number[], c: number[], v: number[], tol: number): void {
  const grad = mv(Q, v).map((g, i) => g + (c[i] ?? 0));
  const scale = Math.max(...Q.map((row, i) => Math.abs(row[i] ?? 0)), ...mv(Q, lower).map(Math.abs), 1e-300);
  v.forEach((vi, i) => {
    expect(vi - (lower[i] ?? 0)).toBeGreaterThanOrEqual(-tol);
    expect((grad[i] ?? 0) / scale).toBeGreaterThanOrEqual(-tol);
    if (vi - (lower[i] ?? 0) > 1e-9) expect(Math.abs(grad[i] ?? 0) / scale).toBeLessThan(tol);
  });
}

describe('solveBoxQP', () => {
  it('hand case: conflicting pair, lower = e₁, Q = [[2, −1], [−1, 1]] gives v = (1, 1)', () => {
    // ½vᵀQv = v₁² − v₁v₂ + ½v₂²; with v₁ at its bound 1, ∂/∂v₂ = v₂ − 1 = 0 gives v₂ = 1 > 0, and
    // ∂/∂v₁ = 2 − 1 = 1 ≥ 0 keeps v₁ at the bound.
    const r = solveBoxQP(
      [
        [2, -1],
        [-1, 1],
      ],
      [1, 0],
    );
    expect(r.solution[0]).toBeCloseTo(1, 14);
    expect(r.solution[1]).toBeCloseTo(1, 14);
    expect(r.kktResidual).toBe(0);
  });

  it('the bound itself when nothing pushes away from it (non-negative Q)', () => {
    const r = solveBoxQP(
      [
        [1, 0.5],
        [0.5, 2],
      ],
      [0.3, 0.7],
    );
    expect(r.solution).toEqual([0.3, 0.7]);
    expect(r.iterations).toBe(0);
  });

  it('a linear term: min ½|v|² − bᵀv over v ≥ 0 is max(b, 0)', () => {
    const I = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const r = solveBoxQP(I, [0, 0, 0], [-2, 1, -0.5]);
    [2, 0, 0.5].forEach((v, i) => expect(r.solution[i]).toBeCloseTo(v, 14));
  });

  it('T ≤ 4, positive definite: equals the brute-force enumeration of active sets', () => {
    for (let trial = 0; trial < 60; trial++) {
      const T = 2 + (trial % 3);
      const Q = gramOf(randomMatrix(T, T + 2));
      const lower = Array.from({ length: T }, rand);
      const c = trial % 2 ? Array.from({ length: T }, rand) : [];
      const r = solveBoxQP(Q, lower, c);
      const exact = enumerate(Q, lower, c);
      r.solution.forEach((v, i) => expect(Math.abs(v - (exact[i] ?? NaN))).toBeLessThan(1e-10));
      expectKKT(Q, lower, c, r.solution, 1e-12);
    }
  });

  it('dual-cone problems (lower = a preference vector ≥ 0, Q a Gram matrix): matches enumeration', () => {
    for (let trial = 0; trial < 40; trial++) {
      const T = 2 + (trial % 3);
      const Q = gramOf(randomMatrix(T, 6));
      const lower = Array.from({ length: T }, (_, i) => (trial % 2 ? (i === trial % T ? 1 : 0) : 1 / T));
      const r = solveBoxQP(Q, lower);
      enumerate(Q, lower, []).forEach((v, i) =>
        expect(Math.abs((r.solution[i] ?? NaN) - v)).toBeLessThan(1e-10),
      );
    }
  });

  it('T up to 8, singular Gram (more tasks than dimensions): KKT residuals ≤ 1e-9, optimal value', () => {
    for (let trial = 0; trial < 40; trial++) {
      const T = 5 + (trial % 4);
      const J = randomMatrix(T, 3 + (trial % 3)); // rank ≤ 5 < T
      const Q = gramOf(J);
      const lower = Array.from({ length: T }, () => Math.max(rand(), 0));
      const r = solveBoxQP(Q, lower);
      expect(r.kktResidual).toBeLessThan(1e-9);
      expectKKT(Q, lower, [], r.solution, 1e-9);
      // The minimiser need not be unique, the optimal value is: compare with the enumeration's best.
      if (T <= 6) {
        const f = boxQPObjective(Q, enumerate(Q, lower, []));
        expect(Math.abs(boxQPObjective(Q, r.solution) - f)).toBeLessThan(1e-10 * Math.max(1, f));
      }
    }
  });

  it('T up to 8, positive definite with mixed-sign bounds: KKT residuals ≤ 1e-9', () => {
    for (let trial = 0; trial < 40; trial++) {
      const T = 5 + (trial % 4);
      const Q = gramOf(randomMatrix(T, T + 1));
      const lower = Array.from({ length: T }, rand);
      const r = solveBoxQP(Q, lower, Array.from({ length: T }, rand));
      expect(r.kktResidual).toBeLessThan(1e-9);
    }
  });

  it('exactly singular pair (the same gradient twice) stays finite and optimal', () => {
    // g₁ = g₂ = (1, −1) and g₃ = (−1, 0): Q has a zero eigenvalue along e₁ − e₂.
    const Q = gramOf([
      [1, -1],
      [1, -1],
      [-1, 0],
    ]);
    const r = solveBoxQP(Q, [0, 0, 1]);
    r.solution.forEach((v) => expect(Number.isFinite(v)).toBe(true));
    expect(r.kktResidual).toBeLessThan(1e-12);
    // Projection of (−1, 0) onto {d : d·(1,−1) ≥ 0} is (−½, −½), i.e. Jᵀv = (−½, −½) with v₁ + v₂ = ½.
    expect((r.solution[0] ?? 0) + (r.solution[1] ?? 0)).toBeCloseTo(0.5, 12);
  });
});
