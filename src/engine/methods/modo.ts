/**
 * MoDo (multi-objective gradient with double sampling). Chen, Fernando, Ying & Chen, "Three-Way Trade-Off
 * in Multi-Objective Learning: Optimization, Generalization and Conflict-Avoidance", NeurIPS 2023,
 * arXiv:2305.20057 (Algorithm 1); LibMTL/weighting/MoDo.py, from the authors' heshandevaka/Trade-Off-MOL.
 *
 * The weights λ (on the simplex, kept across steps) take one projected gradient step on the MGDA objective
 * ½|Gᵀλ|² + ½ρ|λ|² per training step, then weigh the gradients:
 *   λ ← Π_Δ(λ − γ (G₁ G₂ᵀ λ + ρ λ)),   direction = G₃ᵀ λ   (scale 'convex').
 * The paper draws three independent mini-batches so that the λ step is an unbiased estimate of the
 * full-batch one. The method contract hands us ONE gradient matrix per step, so this is the single-sample
 * version: G₁ = G₂ = G₃ = G and the λ step uses the Gram matrix G Gᵀ (read back with `await data()`; the
 * projection runs in JS float64, solvers/simplex.ts). With γ = 0 it is the mean gradient; repeated steps
 * on a fixed G converge to the min-norm (MGDA) weights of G Gᵀ + ρI.
 * λ starts at 1/T and lives in the method state, one row per replica.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MethodState } from '../stateful/state';
import { implementMethod } from './implement';
import { readGramAndLosses, weightedSum, weightsFromRows } from './common';
import { modoCard } from './modo.card';
import { projectToSimplex } from './solvers/simplex';

/** One MoDo step of λ on a Gram matrix A: Π_Δ(λ − γ (A λ + ρ λ)). */
export function modoStep(
  A: readonly (readonly number[])[],
  lambda: readonly number[],
  gamma: number,
  rho: number,
): number[] {
  return projectToSimplex(
    lambda.map(
      (l, i) => l - gamma * ((A[i] ?? []).reduce((s, a, j) => s + a * (lambda[j] ?? 0), 0) + rho * l),
    ),
  );
}

export const modo = implementMethod(modoCard, {
  create: ({ numTasks: T, numReplicas: R, params }) => {
    const state = new MethodState();
    const lambda = state.box(
      'lambda',
      Array.from({ length: R }, () => new Array<number>(T).fill(1 / T)),
    );
    return {
      aggregate: async ({ grads, losses }) => {
        const read = await readGramAndLosses(grads, losses);
        lambda.value = read.gram.map((A, r) => modoStep(A, lambda.value[r] ?? [], params.gamma, params.rho));
        return tf.tidy(() => {
          const weights = weightsFromRows(lambda.value, T);
          return { direction: weightedSum(weights, grads), weights };
        });
      },
      trainables: [],
      state,
      dispose: () => state.dispose(),
    };
  },
});
