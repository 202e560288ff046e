/**
 * CAGrad's implied weights from one replica's Gram matrix (methods/cagrad.ts says what they mean; Liu et
 * al., NeurIPS 2021, arXiv:2110.14048): here, apart from the method, so that the host solve and the
 * two-task kernel (kernels/two-task-weights-kernel.ts) run the very same code on the CPU.
 */
import { cagradWeights } from './cagrad-dual';

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
