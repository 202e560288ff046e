/**
 * MGDA's weights from one replica's Gram matrix and losses (methods/mgda.ts says what they mean; Sener &
 * Koltun, NeurIPS 2018, arXiv:1810.04650): here, apart from the method, so that the host solve and the
 * two-task kernel (kernels/two-task-weights-kernel.ts) run the very same code on the CPU.
 */
import { minNormElement } from './min-norm';

export type Normalization = 'none' | 'l2' | 'loss' | 'loss+';

/** n_t per task; a zero normaliser (a zero gradient) is left at 1 so its gradient stays zero. */
export function normalizers(
  A: readonly (readonly number[])[],
  losses: readonly number[],
  kind: Normalization,
): number[] {
  return A.map((row, t) => {
    const norm = Math.sqrt(Math.max(row[t] ?? 0, 0));
    const loss = Math.abs(losses[t] ?? 0);
    const n = kind === 'l2' ? norm : kind === 'loss' ? loss : kind === 'loss+' ? loss * norm : 1;
    return n > 0 && Number.isFinite(n) ? n : 1;
  });
}

/** One replica's weights from its Gram matrix A and losses (see the header). */
export function mgdaWeights(
  A: readonly (readonly number[])[],
  losses: readonly number[],
  normalization: Normalization,
  variant: 'params' | 'ub',
): number[] {
  const n = normalizers(A, losses, normalization);
  const normalized = A.map((row, i) => row.map((a, j) => a / ((n[i] ?? 1) * (n[j] ?? 1))));
  const sol = minNormElement(normalized).weights;
  return variant === 'ub' ? sol : sol.map((s, t) => s / (n[t] ?? 1));
}
