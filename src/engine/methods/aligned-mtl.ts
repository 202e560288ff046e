/**
 * Aligned-MTL. Senushkin, Patakin, Kuznetsov & Konushin, "Independent Component Alignment for Multi-Task
 * Learning", CVPR 2023, arXiv:2305.19000, Algorithm 1; official code SamsungLabs/MTL
 * code/optim/aligned/solver.py (ProcrustesSolver), LibMTL/weighting/Aligned_MTL.py, torchjd _aligned_mtl.py.
 *
 * Replaces the task gradients G by the closest matrix whose rows are orthogonal with a common norm (an
 * orthogonal Procrustes problem), which makes the linear system of the gradients perfectly conditioned
 * (condition number 1), and sums the aligned gradients. Through the eigen-decomposition of the Gram matrix
 * G Gᵀ = V Λ Vᵀ (solvers/eigen.ts, Jacobi, float64; read back with `await data()`):
 *   B = σ · V Λ^(−1/2) Vᵀ over the eigenvalues above λ_max · T · ε_float32 (the rank rule of all three
 *   references), weights α = B·1, direction Σ α_t g_t.
 * The scale σ (`scale_mode` of the official code): √λ_min of the kept eigenvalues ('min', the paper's and
 * LibMTL's choice), √median ('median'; torch.median, the lower middle value for an even count) or
 * √mean ('rmse').
 * Scale: 'sum', as the official code and LibMTL (α = B·1): orthogonal gradients of equal norm give B = I,
 * so the direction is their sum, T times the mean. torchjd uses the preference 1/T instead (B·1/T), which
 * makes that case the mean and halves its 2-task test value. All-zero gradients (rank 0) give B = I.
 */
import { alignedMtlCard } from './aligned-mtl.card';
import { implementMethod } from './implement';
import { gramWeighting } from './common';
import { symmetricEigen } from './solvers/eigen';

/** float32 machine epsilon: torch.finfo().eps in the references (and the precision of our Gram matrix). */
const EPS32 = 1.1920928955078125e-7;

export type AlignScale = 'min' | 'median' | 'rmse';

/** Aligned-MTL weights α = B·1 from one replica's Gram matrix. */
export function alignedWeights(A: readonly (readonly number[])[], mode: AlignScale): number[] {
  const T = A.length;
  const { values, vectors } = symmetricEigen(A);
  const tol = (values[0] ?? 0) * T * EPS32;
  const rank = values.filter((l) => l > tol).length; // values are sorted, largest first
  if (rank === 0) return new Array<number>(T).fill(1);
  const kept = values.slice(0, rank);
  const ascending = [...kept].sort((a, b) => a - b);
  const sigmaSq =
    mode === 'min'
      ? (kept[rank - 1] ?? 0)
      : mode === 'median'
        ? (ascending[Math.floor((rank - 1) / 2)] ?? 0)
        : kept.reduce((s, l) => s + l, 0) / rank;
  // α_i = Σ_j B_ij = σ Σ_k V_ik λ_k^(−1/2) (Σ_j V_jk).
  const colSums = kept.map((_, k) => vectors.reduce((s, row) => s + (row[k] ?? 0), 0));
  return Array.from(
    { length: T },
    (_, i) =>
      kept.reduce((s, l, k) => s + ((vectors[i]?.[k] ?? 0) * (colSums[k] ?? 0)) / Math.sqrt(l), 0) *
      Math.sqrt(sigmaSq),
  );
}

export const alignedMtl = implementMethod(alignedMtlCard, {
  create: ({ numTasks: T, params }) => gramWeighting(T, (A) => alignedWeights(A, params.scaleMode)),
});
