/**
 * The inner problem of CAGrad (Liu et al., NeurIPS 2021, arXiv:2110.14048, eq. 4 and LibMTL's CAGrad.py):
 *   min over the simplex of F(w) = wᵀA b + c·sqrt(wᵀA w),  b = uniform, A = the task-gradient Gram matrix,
 * i.e. ḡ·g_w + c|g_w| with g_w = Σ w_t g_t. F is convex (a linear term plus a norm). LibMTL calls scipy's
 * SLSQP; here two tasks have an exact solve and more tasks run accelerated projected gradient to a tight
 * Frank–Wolfe gap (simplex.ts).
 */
import { minimizeOnSimplex } from './simplex';

type Matrix = readonly (readonly number[])[];
const at = (m: Matrix, i: number, j: number): number => m[i]?.[j] ?? 0;

function quad(A: Matrix, w: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < w.length; i++)
    for (let j = 0; j < w.length; j++) s += (w[i] ?? 0) * at(A, i, j) * (w[j] ?? 0);
  return Math.max(s, 0);
}

/** F(w) as defined above (exported for tests). */
export function cagradObjective(A: Matrix, c: number, w: readonly number[]): number {
  const T = A.length;
  const linear = w.reduce((s, wi, i) => s + (wi * (A[i] ?? []).reduce((r, a) => r + a, 0)) / T, 0);
  return linear + c * Math.sqrt(quad(A, w));
}

/**
 * Two tasks, w = (x, 1 − x): F(x) = const + βb·x + c·sqrt(αx² + βx + γ) on [0, 1]. Setting F' = 0 and
 * squaring gives a quadratic in x whose roots, with the two ends, contain the minimiser; F is convex, so
 * the smallest F among those candidates is the exact minimum (the extra roots from squaring lose).
 */
function solveTwo(A: Matrix, c: number): number[] {
  const a11 = at(A, 0, 0);
  const a12 = at(A, 0, 1);
  const a22 = at(A, 1, 1);
  const alpha = a11 - 2 * a12 + a22;
  const beta = 2 * (a12 - a22);
  const slope = (a11 - a22) / 2;
  const candidates = [0, 1];
  const k = c * c * alpha - slope * slope;
  if (alpha > 0 && k > 0) {
    const disc = Math.max(4 * (a11 * a22 - a12 * a12), 0);
    const half = (Math.abs(slope) / (2 * alpha)) * Math.sqrt(disc / k);
    for (const x of [-beta / (2 * alpha) - half, -beta / (2 * alpha) + half]) {
      if (x > 0 && x < 1) candidates.push(x);
    }
  }
  let best = { x: 0, value: Infinity };
  for (const x of candidates) {
    const value = cagradObjective(A, c, [x, 1 - x]);
    if (value < best.value) best = { x, value };
  }
  return [best.x, 1 - best.x];
}

export function cagradWeights(A: Matrix, c: number, { tolerance = 1e-10 } = {}): number[] {
  const T = A.length;
  const uniform = new Array<number>(T).fill(1 / T);
  if (T === 1 || c === 0) return uniform; // c = 0: the weights do not enter the update
  if (T === 2) return solveTwo(A, c);
  const scale = Math.max(...A.map((_, i) => Math.abs(at(A, i, i))));
  if (!(scale > 0)) return uniform;
  // sqrt is not differentiable where g_w = 0; a floor far below the gradients' scale keeps F smooth.
  const floor = 1e-20 * scale;
  const Ab = A.map((row) => row.reduce((s, a) => s + a, 0) / T);
  const result = minimizeOnSimplex(
    {
      value: (w) => w.reduce((s, wi, i) => s + wi * (Ab[i] ?? 0), 0) + c * Math.sqrt(quad(A, w) + floor),
      gradient: (w) => {
        const Aw = A.map((row) => row.reduce((s, a, j) => s + a * (w[j] ?? 0), 0));
        const norm = Math.sqrt(quad(A, w) + floor);
        return Aw.map((v, i) => (Ab[i] ?? 0) + (c * v) / norm);
      },
    },
    uniform,
    { tolerance: tolerance * scale },
  );
  return result.weights;
}
