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
import { checkPerTaskLength, num, numList } from '../params/spec';
import { gramWeighting } from './common';
import { normalizeGram, projectWeights } from './solvers/dual-cone';
import { defineMethod } from './types';

/** The preference vector: the given one, or 1/T for every task (torchjd's MeanWeighting). */
export const preferences = (prefVector: readonly number[], T: number): number[] =>
  prefVector.length ? [...prefVector] : new Array<number>(T).fill(1 / T);

type DualConeValues = { prefVector: number[]; normEps: number; regEps: number };

/** Per-task length check of the preference vector, for UPGrad and DualProj. */
export const checkDualCone = (params: DualConeValues, ctx: { numTasks: number }) =>
  checkPerTaskLength(params.prefVector, 'prefVector', ctx.numTasks, true);

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

/** The parameters UPGrad and DualProj share (torchjd's defaults). */
export const dualConeParams = {
  prefVector: numList({
    label: 'Preference vector',
    help: 'One weight per task for the vectors that are projected; empty for 1/T on every task (torchjd’s default, the mean).',
    default: [],
    min: 0,
    max: 1000,
    minLength: 0,
    maxLength: 16,
  }),
  normEps: num({
    label: 'norm_eps',
    help: 'Below this squared Frobenius norm of the gradients, the Gram matrix is treated as zero and the result is the (preference-weighted) mean. torchjd: 1e-4.',
    default: 1e-4,
    min: 0,
    max: 1,
    scale: 'log',
  }),
  regEps: num({
    label: 'reg_eps',
    help: 'Added to the diagonal of the trace-normalised Gram matrix, as torchjd does for its QP solver (1e-4). 0 gives the exact projection: no conflict at all.',
    default: 1e-4,
    min: 0,
    max: 1,
    scale: 'log',
  }),
};

export const upgrad = defineMethod({
  id: 'upgrad',
  label: 'UPGrad',
  group: 'multi-objective',
  summary:
    'Projects every task gradient onto the cone of directions that conflict with no task, then averages the projections: the mean gradient when nothing conflicts, never an update that increases a task loss to first order.',
  citation: 'Quinton & Rey, "Jacobian Descent for Multi-Objective Optimization", 2024, arXiv:2406.16232',
  scale: 'mean',
  params: dualConeParams,
  stateful: false,
  stochastic: false,
  check: checkDualCone,
  create: ({ numTasks: T, params }) =>
    dualConeWeighting('upgrad', T, params, (A, pref) =>
      upgradWeights(A, pref, params.normEps, params.regEps),
    ),
});
