/**
 * UPGrad (unconflicting projection of gradients). Quinton & Rey, "Jacobian Descent for Multi-Objective
 * Optimization", arXiv:2406.16232 (2024); torchjd aggregation/_upgrad.py (also LibMTL/weighting/UPGrad.py).
 *
 * Each task gradient g_i, scaled by its preference u_i (1/T by default), is projected onto the dual cone
 * {x : g_t·x ≥ 0 for all t} of the gradients, and the projections are added: d = Σ_i π(u_i g_i).
 * Through the Gram matrix (read back with `await data()`): π(u_i g_i) = Σ_t v⁽ⁱ⁾_t g_t with
 * v⁽ⁱ⁾ = argmin_{v ≥ u_i e_i} vᵀQv (solvers/dual-cone.ts, exact), so the weights are Σ_i v⁽ⁱ⁾.
 * Q is torchjd's: the Gram matrix divided by its trace, plus reg_eps on the diagonal (see dual-cone.ts);
 * with reg_eps = 0 the direction conflicts with no task exactly, with torchjd's 1e-4 only up to
 * reg_eps·trace(JJᵀ)·w_t in d·g_t.
 * Properties (paper §3): non-conflicting, linear under scaling of the tasks (exactly when reg_eps = 0),
 * permutation invariant; when no two gradients conflict it is the (preference-weighted) mean.
 * Scale: 'mean' (torchjd's default preference 1/T).
 */
import { implementMethod } from './implement';
import { gramWeighting } from './common';
import { normalizeGram, projectWeights } from './solvers/dual-cone';
import { upgradCard, type DualConeValues } from './upgrad.card';

/** The preference vector: the given one, or 1/T for every task (torchjd's MeanWeighting). */
export const preferences = (prefVector: readonly number[], T: number): number[] =>
  prefVector.length ? [...prefVector] : new Array<number>(T).fill(1 / T);

/** An instance of a dual-cone method: `weightsOf` maps one replica's Gram matrix and the preferences. */
export function dualConeWeighting(
  id: string,
  T: number,
  params: DualConeValues,
  weightsOf: (A: readonly (readonly number[])[], pref: readonly number[]) => number[],
) {
  const pref = preferences(params.prefVector, T);
  if (pref.length !== T) throw new Error(`${id}: expected ${T} preferences, got ${pref.length}`);
  return gramWeighting(T, (A) => weightsOf(A, pref));
}

/** UPGrad weights from one replica's Gram matrix. */
export function upgradWeights(
  A: readonly (readonly number[])[],
  pref: readonly number[],
  normEps: number,
  regEps: number,
): number[] {
  const Q = normalizeGram(A, normEps, regEps);
  const total = new Array<number>(pref.length).fill(0);
  pref.forEach((u, i) => {
    const lower = pref.map((_, t) => (t === i ? u : 0));
    projectWeights(Q, lower).forEach((w, t) => (total[t] = (total[t] ?? 0) + w));
  });
  return total;
}

export const upgrad = implementMethod(upgradCard, {
  create: ({ numTasks: T, params }) =>
    dualConeWeighting('upgrad', T, params, (A, pref) =>
      upgradWeights(A, pref, params.normEps, params.regEps),
    ),
});
