/**
 * The positive solution w of  (A w)_i = w_i^(−p)  for every i, A a T x T Gram matrix (T ≤ ~10), in float64.
 * - p = 1 is Nash-MTL's bargaining solution, Gᵀ G α = 1/α (Navon et al., ICML 2022, arXiv:2202.01017, §3.1;
 *   the authors approximate it by a sequence of convex CVXPY problems, we solve the system itself).
 * - p = 1/α is FairGrad's α-fair allocation, A w = w^(−1/α) (Ban & Ji, ICML 2024, arXiv:2402.15638; the
 *   authors call scipy's least_squares on the residual).
 *
 * The system is the stationarity condition of the strictly convex f(w) = ½ wᵀAw − Σ φ(w_i) on w > 0,
 * with φ' = w^(−p) (φ = log w for p = 1, w^(1−p)/(1−p) otherwise; −φ is convex for every p > 0). So it has
 * at most one positive solution, and Newton's method on f with a backtracking line search that keeps w > 0
 * converges to it from any positive start, quadratically at the end. It exists when A is positive definite.
 *
 * Scaling: A is divided by s = the mean of its diagonal before the solve, and w = ŵ · s^(−1/(1+p))
 * afterwards (exact: s Â ŵ s^(−1/(1+p)) = s^(p/(1+p)) ŵ^(−p)), so the iteration sees O(1) numbers whatever
 * the gradients' scale. Degenerate cases, where no positive solution exists:
 * - a task whose gradient is zero (A_ii ≤ 1e-20 · max A_jj) gets weight 0 and is left out of the solve;
 * - a positive combination of the gradients that is zero (exact Pareto stationarity) would send w to
 *   infinity: each A_ii is multiplied by 1 + `ridge` (1e-12 by default: far below the float32 noise in A,
 *   and relative to each task's own squared norm, so that small gradients are not swamped). The weights
 *   then stay finite, and large there, while their direction Σ w_t g_t stays small;
 * - near such a point the float32 Gram matrix can even come out indefinite (anti-parallel toy gradients
 *   gave [[0.0308, −0.4601], [−0.4601, 6.8822]], det −1.1e-8): the ridge then grows tenfold, up to 1e-2,
 *   until Â is positive definite (before, the solve returned NaN and the run diverged).
 */
import { at, choleskySolve, dot, matVec, type Matrix } from './linear';

export interface NashSystemResult {
  weights: number[];
  /** max_i |(A w)_i − w_i^(−p)| / max(Σ_j |A_ij w_j|, w_i^(−p)) over the tasks solved for. */
  residual: number;
  iterations: number;
}

export function solveNashSystem(
  A: Matrix,
  { power = 1, maxIterations = 100, tolerance = 1e-14, ridge = 1e-12 } = {},
): NashSystemResult {
  const p = power;
  const T = A.length;
  const maxDiag = Math.max(0, ...A.map((_, i) => at(A, i, i)));
  const idx = A.flatMap((_, i) => (at(A, i, i) > 1e-20 * maxDiag && maxDiag > 0 ? [i] : []));
  const n = idx.length;
  if (n === 0) return { weights: new Array<number>(T).fill(0), residual: 0, iterations: 0 };
  const s = idx.reduce((sum, i) => sum + at(A, i, i), 0) / n;
  // A Gram matrix computed in float32 can come out indefinite (det < 0) when the gradients are nearly
  // (anti-)parallel, i.e. at a Pareto-stationary point: raise the ridge tenfold until Â is positive definite.
  const scaled = (r: number) => idx.map((i) => idx.map((j) => (at(A, i, j) / s) * (i === j ? 1 + r : 1)));
  let Ah = scaled(ridge);
  for (
    let r = ridge;
    r < 1e-2 &&
    !choleskySolve(
      Ah,
      Ah.map(() => 1),
    );
  ) {
    r *= 10;
    Ah = scaled(r);
  }
  const pow = (w: number) => Math.pow(w, -p);
  const phi = (w: number) => (p === 1 ? Math.log(w) : Math.pow(w, 1 - p) / (1 - p));
  const f = (w: readonly number[]) => 0.5 * dot(w, matVec(Ah, w)) - w.reduce((sum, wi) => sum + phi(wi), 0);
  // Rounding level of f at w: below it, the line search cannot tell values apart.
  const noise = (w: readonly number[]) =>
    1e-13 * (Math.abs(dot(w, matVec(Ah, w))) + w.reduce((sum, wi) => sum + Math.abs(phi(wi)), 0));
  // |(Âw)_i − w_i^(−p)| against the size of the terms that make it up (cancellation in Âw included), so
  // that it reaches rounding level at the solution however ill-conditioned Â is.
  const relResidual = (w: readonly number[]) =>
    Math.max(
      ...Ah.map((row, i) => {
        const target = pow(w[i] ?? 1);
        const terms = row.reduce((sum, a, j) => sum + Math.abs(a * (w[j] ?? 0)), 0);
        return Math.abs(dot(row, w) - target) / Math.max(terms, target);
      }),
    );

  // Start: the solution for orthogonal gradients, w_i = Â_ii^(−1/(1+p)), rescaled to the best multiple c
  // along that ray (f(c·v) is smallest where c^(1+p) = Σ v_i^(1−p) / vᵀÂv).
  let w = Ah.map((row, i) => Math.pow(row[i] ?? 1, -1 / (1 + p)));
  const c = Math.pow(w.reduce((sum, v) => sum + Math.pow(v, 1 - p), 0) / dot(w, matVec(Ah, w)), 1 / (1 + p));
  w = w.map((v) => v * c);

  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (relResidual(w) <= tolerance) break;
    const r = matVec(Ah, w).map((v, i) => v - pow(w[i] ?? 1));
    const H = Ah.map((row, i) => row.map((a, j) => a + (i === j ? p * Math.pow(w[i] ?? 1, -p - 1) : 0)));
    const step = choleskySolve(H, r);
    if (!step) break; // H = Â + positive diagonal is positive definite; only overflow gets here
    const decrement = dot(r, step);
    if (!(decrement > 0)) break;
    // Stay inside w > 0, then backtrack until f decreases enough (Armijo).
    let t = 1;
    step.forEach((d, i) => {
      if (d > 0) t = Math.min(t, (0.99 * (w[i] ?? 0)) / d);
    });
    const f0 = f(w);
    const slack = noise(w);
    let next = w.map((v, i) => v - t * (step[i] ?? 0));
    for (let k = 0; k < 60 && !(f(next) <= f0 - 1e-4 * t * decrement + slack); k++) {
      t /= 2;
      next = w.map((v, i) => v - t * (step[i] ?? 0));
    }
    const moved = Math.max(...next.map((v, i) => Math.abs(v - (w[i] ?? 0)) / (w[i] ?? 1)));
    w = next;
    if (moved <= 1e-15) break; // converged to working precision
  }
  const factor = Math.pow(s, -1 / (1 + p));
  const weights = new Array<number>(T).fill(0);
  idx.forEach((i, k) => (weights[i] = (w[k] ?? 0) * factor));
  return { weights, residual: relResidual(w), iterations };
}
