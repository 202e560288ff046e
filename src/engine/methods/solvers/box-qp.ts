/**
 * An exact solver for the small box-constrained quadratic programme
 *   min_v ½ vᵀQv + cᵀv   subject to   v ≥ lower,       Q symmetric positive semi-definite (T ≤ ~10),
 * in float64. It is the problem UPGrad and DualProj solve on the Gram matrix (Quinton & Rey, "Jacobian
 * Descent for Multi-Objective Optimization", arXiv:2406.16232, Prop. 1; torchjd calls quadprog on it).
 *
 * With x = v − lower it is a non-negative QP, min ½xᵀQx + qᵀx over x ≥ 0 with q = Q·lower + c, solved by
 * the Lawson–Hanson active-set method ("Solving Least Squares Problems", 1974, ch. 23) written on the
 * normal equations: Q = J Jᵀ plays JᵀJ there. It moves in finitely many exact steps between active sets,
 * each a Cholesky solve on the free variables, so the answer satisfies the KKT conditions
 *   x ≥ 0,  ∇ = Qx + q ≥ 0,  x_i ∇_i = 0
 * to rounding error. For a singular Q the minimiser v may not be unique (J Jᵀv is): Lawson–Hanson keeps the
 * free columns linearly independent, and a variable whose entry would make the free block singular (or
 * that would enter at a non-positive value, rounding's doing) is skipped until the next step.
 */
import { at, choleskySolve, dot, matVec, type Matrix } from './linear';

export interface BoxQPResult {
  /** The minimiser v (≥ lower). */
  solution: number[];
  /** Largest violation of the KKT conditions, relative to the problem's scale (0 at an exact solution). */
  kktResidual: number;
  iterations: number;
}

/** The KKT violation of x ≥ 0 for ½xᵀQx + qᵀx: max of −x_i, −∇_i and |∇_i| where x_i > 0. */
function kktViolation(x: readonly number[], grad: readonly number[]): number {
  let worst = 0;
  x.forEach((xi, i) => {
    const g = grad[i] ?? 0;
    worst = Math.max(worst, -xi, -g, xi > 0 ? Math.abs(g) : 0);
  });
  return worst;
}

export function solveBoxQP(
  Q: Matrix,
  lower: readonly number[],
  linear: readonly number[] = [],
  { maxIterations = 0 } = {},
): BoxQPResult {
  const T = lower.length;
  const q = matVec(Q, lower).map((v, i) => v + (linear[i] ?? 0));
  const scale = Math.max(...Q.map((_, i) => Math.abs(at(Q, i, i))), ...q.map(Math.abs), Number.MIN_VALUE);
  const tolerance = 1e-14 * scale;
  const pivotFloor = 1e-13 * scale;
  const free = new Array<boolean>(T).fill(false);
  const skipped = new Array<boolean>(T).fill(false);
  let x = new Array<number>(T).fill(0);

  /** Minimiser of the quadratic on the free variables (the others held at 0), or null if singular. */
  const solveFree = (): number[] | null => {
    const idx = free.flatMap((f, i) => (f ? [i] : []));
    const sub = choleskySolve(
      idx.map((i) => idx.map((j) => at(Q, i, j))),
      idx.map((i) => -(q[i] ?? 0)),
      pivotFloor,
    );
    if (!sub) return null;
    const z = new Array<number>(T).fill(0);
    idx.forEach((i, k) => (z[i] = sub[k] ?? 0));
    return z;
  };

  const limit = maxIterations > 0 ? maxIterations : 30 * T + 30;
  let iterations = 0;
  for (; iterations < limit; iterations++) {
    const grad = matVec(Q, x).map((v, i) => v + (q[i] ?? 0));
    // Entering variable: the most negative gradient among those held at the bound.
    let enter = -1;
    for (let i = 0; i < T; i++)
      if (
        !free[i] &&
        !skipped[i] &&
        (grad[i] ?? 0) < -tolerance &&
        (enter < 0 || (grad[i] ?? 0) < (grad[enter] ?? 0))
      )
        enter = i;
    if (enter < 0) break;
    free[enter] = true;
    for (let inner = 0; ; inner++) {
      const z = solveFree();
      if (!z || (inner === 0 && (z[enter] ?? 0) <= 0)) {
        // The entering column is dependent on the free ones to working precision: skip it for now.
        free[enter] = false;
        skipped[enter] = true;
        break;
      }
      if (free.every((f, i) => !f || (z[i] ?? 0) > 0)) {
        x = z;
        skipped.fill(false);
        break;
      }
      // Step from x towards z until the first free variable reaches 0; it leaves the free set.
      let step = 1;
      let blocking = -1;
      free.forEach((f, i) => {
        const zi = z[i] ?? 0;
        const xi = x[i] ?? 0;
        if (f && zi <= 0) {
          const s = xi / (xi - zi);
          if (s < step) [step, blocking] = [s, i];
        }
      });
      x = x.map((xi, i) => xi + step * ((z[i] ?? 0) - xi));
      free.forEach((f, i) => {
        if (f && (i === blocking || (x[i] ?? 0) <= 0)) {
          free[i] = false;
          x[i] = 0;
        }
      });
      skipped.fill(false);
    }
  }
  const grad = matVec(Q, x).map((v, i) => v + (q[i] ?? 0));
  return {
    solution: x.map((xi, i) => xi + (lower[i] ?? 0)),
    kktResidual: kktViolation(x, grad) / scale,
    iterations,
  };
}

/** ½ vᵀQv + cᵀv (exported for tests). */
export function boxQPObjective(Q: Matrix, v: readonly number[], linear: readonly number[] = []): number {
  return 0.5 * dot(v, matVec(Q, v)) + dot(linear, v);
}
