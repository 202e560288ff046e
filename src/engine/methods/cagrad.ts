/**
 * CAGrad (conflict-averse gradient descent). Liu, Liu, Jin, Stone & Liu, "Conflict-Averse Gradient Descent
 * for Multi-task Learning", NeurIPS 2021, arXiv:2110.14048; LibMTL/weighting/CAGrad.py, Cranial-XIX/CAGrad.
 *
 * With A the Gram matrix of the task gradients (read back with `await data()`), ḡ the mean gradient and
 * c = calpha·|ḡ| (|ḡ|² = mean(A)): w = argmin over the simplex of ḡ·g_w + c|g_w| (solvers/cagrad-dual.ts),
 * then d = (ḡ + (c/|g_w|) g_w) / s with s = 1, 1 + calpha² or 1 + calpha for rescale 0, 1, 2.
 * So d = Σ_t ω_t g_t with ω_t = (1/T + (c/|g_w|) w_t) / s: the implied weights returned as `weights`.
 * LibMTL's absolute 1e-8 guards are dropped (they bias tiny gradients, and c = 0 must give exactly ḡ);
 * a zero g_w contributes nothing instead. Scale: 'mean' (c = 0 is the mean gradient).
 */
import { cagradCard } from './cagrad.card';
import { implementMethod } from './implement';
import { gramWeighting } from './common';
import { cagradImpliedWeights } from './solvers/cagrad-weights';

export { cagradImpliedWeights, rescaleDivisor } from './solvers/cagrad-weights';

export const cagrad = implementMethod(cagradCard, {
  create: ({ numTasks: T, params }) =>
    gramWeighting(T, (A) => cagradImpliedWeights(A, params.c, params.rescale), undefined, {
      rule: 'cagrad',
      c: params.c,
      rescale: params.rescale,
    }),
});
