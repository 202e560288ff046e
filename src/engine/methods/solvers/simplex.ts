/**
 * Minimising a smooth convex function over the probability simplex {w ≥ 0, Σw = 1} in float64: accelerated
 * projected gradient (FISTA, Beck & Teboulle 2009) with backtracking on the step and a function-value
 * restart of the momentum (O'Donoghue & Candès 2015). Small problems only (T ≤ ~10): every iteration is
 * O(T²) JS arithmetic, so running to a tight Frank–Wolfe gap costs microseconds, not a readback.
 */

export interface SimplexObjective {
  value(w: readonly number[]): number;
  gradient(w: readonly number[]): number[];
}

export interface SimplexResult {
  weights: number[];
  value: number;
  /** Frank–Wolfe gap ∇f(w)·w − min_i ∇f(w)_i at the result: an upper bound on f(w) − min f. */
  gap: number;
  iterations: number;
}

/** Euclidean projection onto the simplex (sort-based; Held, Wolfe & Crowder 1974). */
export function projectToSimplex(y: readonly number[]): number[] {
  const sorted = [...y].sort((a, b) => b - a);
  let cumulative = 0;
  let shift = 0;
  for (let k = 0; k < sorted.length; k++) {
    cumulative += sorted[k] ?? 0;
    const candidate = (cumulative - 1) / (k + 1);
    if ((sorted[k] ?? 0) - candidate > 0) shift = candidate;
  }
  return y.map((v) => Math.max(v - shift, 0));
}

const dot = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);

function frankWolfeGap(grad: readonly number[], w: readonly number[]): number {
  return dot(grad, w) - Math.min(...grad);
}

export function minimizeOnSimplex(
  f: SimplexObjective,
  start: readonly number[],
  { tolerance = 1e-12, maxIterations = 5000 } = {},
): SimplexResult {
  let x = projectToSimplex(start);
  let fx = f.value(x);
  let y = x;
  let t = 1;
  let lipschitz = 1;
  let k = 0;
  for (; k < maxIterations; k++) {
    const gx = f.gradient(x);
    if (frankWolfeGap(gx, x) <= tolerance) break;
    const gy = f.gradient(y);
    const fy = f.value(y);
    let z: number[];
    let fz: number;
    // Backtracking: grow the Lipschitz estimate until the quadratic upper bound holds at z.
    for (;;) {
      z = projectToSimplex(y.map((v, i) => v - (gy[i] ?? 0) / lipschitz));
      fz = f.value(z);
      const diff = z.map((v, i) => v - (y[i] ?? 0));
      if (
        fz <= fy + dot(gy, diff) + (lipschitz / 2) * dot(diff, diff) + 1e-15 * Math.abs(fy) ||
        lipschitz > 1e30
      )
        break;
      lipschitz *= 2;
    }
    if (fz > fx && t > 1) {
      // Momentum overshot: restart from x with a plain projected-gradient step next time.
      y = x;
      t = 1;
      continue;
    }
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const momentum = (t - 1) / tNext;
    y = z.map((v, i) => v + momentum * (v - (x[i] ?? 0)));
    x = z;
    fx = fz;
    t = tNext;
    lipschitz *= 0.9; // let the step grow back where the function is flatter
  }
  return { weights: x, value: fx, gap: frankWolfeGap(f.gradient(x), x), iterations: k };
}
