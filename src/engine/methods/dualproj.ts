/**
 * DualProj. Quinton & Rey, "Jacobian Descent for Multi-Objective Optimization", arXiv:2406.16232 (2024),
 * torchjd aggregation/_dualproj.py; the projection of GEM (Lopez-Paz & Ranzato, NeurIPS 2017, eq. 11).
 *
 * The (preference-weighted) mean gradient Σ u_t g_t, u = 1/T by default, projected onto the dual cone
 * {x : g_t·x ≥ 0 for all t} of the task gradients: weights w = argmin_{v ≥ u} vᵀQv on torchjd's
 * trace-normalised, reg_eps-regularised Gram matrix Q (solvers/dual-cone.ts, exact), d = Σ w_t g_t.
 * Properties: non-conflicting (exactly when reg_eps = 0, see upgrad.ts), permutation invariant, the mean
 * when no two gradients conflict. Unlike UPGrad it is not linear under scaling of one task (torchjd's
 * tests check that property for UPGrad only): scaling g_i changes the vector that is projected.
 * Scale: 'mean'.
 */
import { implementMethod } from './implement';
import { dualprojCard } from './dualproj.card';
import { normalizeGram, projectWeights } from './solvers/dual-cone';
import { dualConeWeighting } from './upgrad';

export const dualproj = implementMethod(dualprojCard, {
  create: ({ numTasks: T, params }) =>
    dualConeWeighting('dualproj', T, params, (A, pref) =>
      projectWeights(normalizeGram(A, params.normEps, params.regEps), pref),
    ),
});
