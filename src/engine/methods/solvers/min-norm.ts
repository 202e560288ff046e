/**
 * The min-norm point of the convex hull of T vectors, from their Gram matrix A alone:
 * min_w wᵀAw over the simplex (Sener & Koltun, NeurIPS 2018, arXiv:1810.04650, §3.1; the MinNormSolver of
 * isl-org/MultiObjectiveOptimization). Two vectors have a closed form; more run Frank–Wolfe from the best
 * pair, as MinNormSolver does, but with away steps (Lacoste-Julien & Jaggi, NeurIPS 2015): plain
 * Frank–Wolfe zig-zags towards a solution on a face and only converges as 1/k, away steps converge
 * linearly, so the result is exact to the tolerance rather than to MinNormSolver's 1e-5 step criterion.
 */

export interface MinNormResult {
  /** Convex weights (on the simplex). */
  weights: number[];
  /** wᵀAw: the squared norm of the min-norm point. */
  normSq: number;
  iterations: number;
}

const at = (m: readonly (readonly number[])[], i: number, j: number): number => m[i]?.[j] ?? 0;

/**
 * Weight γ on the first of two vectors v1, v2 minimising |γ v1 + (1−γ) v2|², from v1·v1, v1·v2, v2·v2.
 * Exact at the ends (MinNormSolver returns 0.999 / 0.001 there).
 */
export function minNorm2(v11: number, v12: number, v22: number): number {
  if (v12 >= v11) return 1;
  if (v12 >= v22) return 0;
  return (v22 - v12) / (v11 + v22 - 2 * v12);
}

function quad(A: readonly (readonly number[])[], w: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < w.length; i++)
    for (let j = 0; j < w.length; j++) s += (w[i] ?? 0) * at(A, i, j) * (w[j] ?? 0);
  return s;
}

export function minNormElement(
  A: readonly (readonly number[])[],
  { tolerance = 1e-12, maxIterations = 10_000 } = {},
): MinNormResult {
  const T = A.length;
  if (T === 1) return { weights: [1], normSq: at(A, 0, 0), iterations: 0 };
  // Start from the best pair (MinNormSolver's initialisation; exact for T = 2).
  let best = { i: 0, j: 1, gamma: 1, cost: Infinity };
  for (let i = 0; i < T; i++) {
    for (let j = i + 1; j < T; j++) {
      const gamma = minNorm2(at(A, i, i), at(A, i, j), at(A, j, j));
      const cost =
        gamma * gamma * at(A, i, i) + 2 * gamma * (1 - gamma) * at(A, i, j) + (1 - gamma) ** 2 * at(A, j, j);
      if (cost < best.cost) best = { i, j, gamma, cost };
    }
  }
  const w = new Array<number>(T).fill(0);
  w[best.i] = best.gamma;
  w[best.j] = 1 - best.gamma;
  const scale = Math.max(...A.map((_, i) => Math.abs(at(A, i, i))), Number.MIN_VALUE);
  let k = 0;
  for (; T > 2 && k < maxIterations; k++) {
    const Aw = A.map((row) => row.reduce((s, a, j) => s + a * (w[j] ?? 0), 0));
    const wAw = Aw.reduce((s, v, i) => s + v * (w[i] ?? 0), 0);
    // Toward vertex: smallest (Aw)_s. Away vertex: largest (Aw)_v among the support.
    let s = 0;
    let v = -1;
    for (let i = 0; i < T; i++) {
      if ((Aw[i] ?? 0) < (Aw[s] ?? 0)) s = i;
      if ((w[i] ?? 0) > 0 && (v < 0 || (Aw[i] ?? 0) > (Aw[v] ?? 0))) v = i;
    }
    const gapToward = wAw - (Aw[s] ?? 0);
    // The Frank–Wolfe gap bounds wᵀAw − min: stop once it is negligible against the vectors' scale.
    if (gapToward <= tolerance * scale) break;
    const gapAway = (Aw[v] ?? 0) - wAw;
    const toward = gapToward >= gapAway;
    // Direction d = e_s − w (toward) or w − e_v (away); exact line search on the quadratic.
    const slope = toward ? (Aw[s] ?? 0) - wAw : wAw - (Aw[v] ?? 0);
    const curvature = toward ? at(A, s, s) - 2 * (Aw[s] ?? 0) + wAw : wAw - 2 * (Aw[v] ?? 0) + at(A, v, v);
    const wv = w[v] ?? 0;
    const maxStep = toward ? 1 : wv / (1 - wv);
    const step = curvature > 0 ? Math.min(maxStep, -slope / curvature) : maxStep;
    for (let i = 0; i < T; i++) w[i] = toward ? (w[i] ?? 0) * (1 - step) : (w[i] ?? 0) * (1 + step);
    if (toward) w[s] = (w[s] ?? 0) + step;
    else w[v] = step === maxStep ? 0 : (w[v] ?? 0) - step; // a full away step drops v from the support
  }
  return { weights: w, normSq: quad(A, w), iterations: k };
}
