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
import { cagradWeights } from './solvers/cagrad-dual';

/** The divisor of each rescale mode, as in LibMTL. */
export const rescaleDivisor = (rescale: number, calpha: number): number =>
  rescale === 1 ? 1 + calpha * calpha : rescale === 2 ? 1 + calpha : 1;

/** Implied weights ω (see the header) from one replica's Gram matrix. */
export function cagradImpliedWeights(
  A: readonly (readonly number[])[],
  calpha: number,
  rescale: number,
): number[] {
  const T = A.length;
  const mean = A.reduce((s, row) => s + row.reduce((r, a) => r + a, 0), 0) / (T * T);
  const c = calpha * Math.sqrt(Math.max(mean, 0));
  const w = cagradWeights(A, c);
  let gwSq = 0;
  for (let i = 0; i < T; i++)
    for (let j = 0; j < T; j++) gwSq += (w[i] ?? 0) * (A[i]?.[j] ?? 0) * (w[j] ?? 0);
  const gwNorm = Math.sqrt(Math.max(gwSq, 0));
  const lambda = gwNorm > 0 ? c / gwNorm : 0;
  const divisor = rescaleDivisor(rescale, calpha);
  return w.map((wt) => (1 / T + lambda * wt) / divisor);
}

export const cagrad = implementMethod(cagradCard, {
  create: ({ numTasks: T, params }) =>
    gramWeighting(T, (A) => cagradImpliedWeights(A, params.c, params.rescale)),
});
