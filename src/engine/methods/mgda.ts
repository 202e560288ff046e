/**
 * MGDA. Sener & Koltun, "Multi-Task Learning as Multi-Objective Optimization", NeurIPS 2018,
 * arXiv:1810.04650; LibMTL/weighting/MGDA.py and isl-org/MultiObjectiveOptimization.
 *
 * Weights: the min-norm point of the convex hull of the normalised task gradients ĝ_t = g_t / n_t
 * (solvers/min-norm.ts), from the T x T Gram matrix read back with `await data()`.
 * Normalisers n_t (LibMTL's `_gradient_normalizers`, default 'none'): 1, |g_t|, L_t, or L_t·|g_t|; we take
 * |L_t| so that a negative loss (the CAGrad toy has some) cannot flip a gradient.
 * What the weights multiply follows LibMTL:
 * - variant 'params': the normalised gradients, direction = Σ_t sol_t ĝ_t, so the implied weights on the
 *   raw gradients are sol_t / n_t (reported as `weights`), and d·ĝ_t ≥ |d|² for every t (common descent).
 * - variant 'ub' (MGDA-UB): solve on the gradients with respect to the shared representation (the whole
 *   batch, flattened, as the paper's Z; LibMTL sums them over the batch first), then direction = Σ sol_t g_t
 *   on the raw parameter gradients, as both references do; weights = sol.
 * Scale: 'convex' (weights on the simplex before normalisation).
 */
import { implementMethod } from './implement';
import { gramWeighting } from './common';
import { mgdaCard } from './mgda.card';
import { mgdaWeights } from './solvers/mgda-weights';

export { normalizers, mgdaWeights, type Normalization } from './solvers/mgda-weights';

export const mgda = implementMethod(mgdaCard, {
  create: ({ numTasks: T, params }) =>
    gramWeighting(
      T,
      (A, losses) => mgdaWeights(A, losses, params.normalization, params.variant),
      ({ grads, repGrads }) => {
        const solveOn = params.variant === 'ub' ? repGrads : grads;
        if (!solveOn) throw new Error("mgda: variant 'ub' needs the gradients of the shared representation");
        return solveOn;
      },
      { rule: 'mgda', normalization: params.normalization, variant: params.variant },
    ),
});
