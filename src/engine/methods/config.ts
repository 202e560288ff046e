/**
 * ConFIG (conflict-free inverse gradients). Liu, Chu & Thuerey, "ConFIG: Towards Conflict-free
 * Training of Physics Informed Neural Networks", ICLR 2025, arXiv:2408.11104, eq. 2; official code
 * tum-pbs/ConFIG (conflictfree/), torchjd aggregation/_config.py.
 *
 * The direction makes the same angle with every task gradient: with the unit gradients ĝ_t as the rows of
 * U, g_u = U⁺ 1 (U⁺ the pseudo-inverse) satisfies ĝ_t·g_u = 1 for all t when the gradients are linearly
 * independent; it is normalised to û and rescaled by the sum of the projections of the raw gradients:
 *   d = (Σ_t g_t·û) û.
 * Hence d·ĝ_t is equal for all t and positive: no task conflicts with d.
 * U is [T, P] with P large, so the pseudo-inverse goes through the Gram matrix (read back with
 * `await data()`): U⁺ = Uᵀ(UUᵀ)⁺ with UUᵀ = Â, Â_ij = A_ij/(|g_i||g_j|), so g_u = Σ_t β_t ĝ_t with
 * β = Â⁺ 1 (solvers/eigen.ts), |g_u|² = βᵀÂβ, Σ_t g_t·û = Σ_t |g_t| (Âβ)_t / |g_u|, and the weights on the
 * raw gradients are ω_t = (Σ_s g_s·û) β_t / (|g_u| |g_t|) (0 for a zero gradient, torchjd's nan_to_num).
 * Deviation from torchjd's pinv (cutoff σ > max(T, P)·ε·σ_max on U's singular values): the float32 Gram
 * matrix only resolves eigenvalues of Â above about ε_float32 · λ_max, so those up to λ_max · T · ε_float32
 * are dropped (the rank rule Aligned-MTL uses); this matters only for three or more gradients that are
 * linearly dependent to within ~3e-4·√T in angle. Two gradients always give the bisector.
 * Scale: 'sum' (torchjd's default preference of ones: identical gradients g give d = T·g).
 */
import { implementMethod } from './implement';
import { gramWeighting } from './common';
import { configCard } from './config.card';
import { psdPseudoInverse } from './solvers/eigen';

const EPS32 = 1.1920928955078125e-7;

/** ConFIG's implied weights ω from one replica's Gram matrix. */
export function configWeights(A: readonly (readonly number[])[]): number[] {
  const T = A.length;
  const norms = A.map((row, i) => Math.sqrt(Math.max(row[i] ?? 0, 0)));
  const unit = A.map((row, i) =>
    row.map((a, j) => {
      const n = (norms[i] ?? 0) * (norms[j] ?? 0);
      return n > 0 ? a / n : 0;
    }),
  );
  const pinv = psdPseudoInverse(unit, T * EPS32);
  const beta = pinv.map((row) => row.reduce((s, v) => s + v, 0));
  const unitBeta = unit.map((row) => row.reduce((s, a, j) => s + a * (beta[j] ?? 0), 0));
  const gu = Math.sqrt(
    Math.max(
      beta.reduce((s, b, t) => s + b * (unitBeta[t] ?? 0), 0),
      0,
    ),
  );
  if (!(gu > 0)) return new Array<number>(T).fill(0);
  const length = norms.reduce((s, n, t) => s + n * (unitBeta[t] ?? 0), 0) / gu;
  return beta.map((b, t) => ((norms[t] ?? 0) > 0 ? (length * b) / (gu * (norms[t] ?? 1)) : 0));
}

export const config = implementMethod(configCard, {
  create: ({ numTasks: T }) => gramWeighting(T, (A) => configWeights(A)),
});
