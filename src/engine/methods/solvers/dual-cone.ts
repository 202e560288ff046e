/**
 * Projection onto the dual cone of the task gradients, from their Gram matrix alone (Quinton & Rey,
 * "Jacobian Descent for Multi-Objective Optimization", arXiv:2406.16232; torchjd's
 * aggregation/_utils/dual_cone.py and _utils/gramian.py, which UPGrad and DualProj share).
 *
 * The dual cone of the rows g_t of J is {x : J x ≥ 0}: the directions that conflict with no task. By the
 * paper's Proposition 1 the projection of Jᵀu onto it is Jᵀw with w = argmin_{v ≥ u} vᵀ(JJᵀ)v, a box-
 * constrained QP on the T x T Gram matrix (solved exactly by box-qp.ts; torchjd calls quadprog).
 * Before the solve torchjd divides the Gram matrix by its trace (the squared Frobenius norm of J; below
 * `normEps` the matrix becomes zero) and adds `regEps` to its diagonal, so that quadprog sees a strictly
 * positive-definite matrix. Our solver needs neither; both are kept, as parameters, to match torchjd.
 */
import { solveBoxQP } from './box-qp';
import type { Matrix } from './linear';

/**
 * torchjd's normalize(regularize(·)): A / trace(A) + regEps·I, and regEps·I alone when trace(A) ≤ normEps
 * (torchjd tests `<`; `≤` keeps a zero matrix with normEps = 0 from dividing by zero).
 */
export function normalizeGram(A: Matrix, normEps: number, regEps: number): number[][] {
  const trace = A.reduce((s, row, i) => s + (row[i] ?? 0), 0);
  const factor = trace > normEps ? 1 / trace : 0;
  return A.map((row, i) => row.map((a, j) => a * factor + (i === j ? regEps : 0)));
}

/** Weights w with Jᵀw = the projection of Jᵀu onto the dual cone, from Q = (normalised) J Jᵀ. */
export function projectWeights(Q: Matrix, u: readonly number[]): number[] {
  return solveBoxQP(Q, u).solution;
}
