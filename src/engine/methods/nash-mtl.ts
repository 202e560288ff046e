/**
 * Nash-MTL. Navon, Shamsian, Achituve, Maron, Kawaguchi, Chechik & Fetaya, "Multi-Task Learning as a
 * Bargaining Game", ICML 2022, arXiv:2202.01017; AvivNavon/nash-mtl methods/weight_methods.py (also
 * LibMTL/weighting/Nash_MTL.py and torchjd aggregation/_nash_mtl.py, same code).
 *
 * The update is the Nash bargaining solution: d = Σ α_t g_t with α > 0 solving Gᵀ G α = 1/α element-wise
 * (paper §3.1; then g_t·d = 1/α_t > 0 for every task, and |d|² = Σ α_t (Gᵀ G α)_t = T). The authors
 * approximate α with up to `optim_niter` convex CVXPY problems (a concave–convex procedure warm-started
 * from the previous α); we solve the system itself with up to `optim_niter` Newton steps
 * (solvers/nash-system.ts), from the Gram matrix read back with `await data()`: 20 are plenty (random
 * problems of up to 8 tasks took at most 11 in 2,000 draws); the authors' 1e-3 stopping rule is looser.
 * As in the references:
 * - the weights are recomputed every `update_weights_every` steps and reused in between (the last α lives
 *   in the method state, per replica, starting at 1 as the authors' `prvs_alpha`);
 * - with max_norm > 0 the update is clipped to that norm (the references clip the shared parameters'
 *   gradient; the reported weights are scaled with it, as torchjd does). With the default 1 every update
 *   has norm 1 (≤ √T before clipping).
 * Zero gradients get weight 0 and an exactly Pareto-stationary set of gradients gets large but finite
 * weights (see the solver); the authors' code keeps the previous α when CVXPY fails there.
 * Scale: 'sum' (orthonormal gradients get α = 1).
 */
import * as tf from '@tensorflow/tfjs-core';
import { MethodState } from '../stateful/state';
import { implementMethod } from './implement';
import { readGramAndLosses, weightedSum, weightsFromRows } from './common';
import { nashMtlCard } from './nash-mtl.card';
import { solveNashSystem } from './solvers/nash-system';

/** Scale the direction (and with it the weights) down to norm `maxNorm` where it is longer; 0: no clip. */
export function clipToNorm(
  weights: tf.Tensor2D,
  grads: tf.Tensor3D,
  maxNorm: number,
): { direction: tf.Tensor2D; weights: tf.Tensor2D } {
  return tf.tidy(() => {
    const direction = weightedSum(weights, grads);
    if (!(maxNorm > 0)) return { direction, weights: weights.clone() };
    // maxNorm / 0 = ∞, so a zero direction keeps factor 1.
    const factor = tf.minimum(1, tf.div(maxNorm, tf.norm(direction, 'euclidean', 1, true)));
    return { direction: tf.mul(direction, factor), weights: tf.mul(weights, factor) };
  });
}

export const nashMtl = implementMethod(nashMtlCard, {
  create: ({ numTasks: T, numReplicas: R, params }) => {
    const state = new MethodState();
    const calls = state.box('calls', 0);
    // The last solved α per replica (unclipped), reused between updates.
    const alpha = state.box(
      'alpha',
      Array.from({ length: R }, () => new Array<number>(T).fill(1)),
    );
    return {
      aggregate: async ({ grads, losses }) => {
        if (calls.value % params.updateWeightsEvery === 0) {
          const read = await readGramAndLosses(grads, losses);
          alpha.value = read.gram.map(
            (A) => solveNashSystem(A, { maxIterations: params.optimNiter }).weights,
          );
        }
        calls.value++;
        return tf.tidy(() => {
          const raw = weightsFromRows(alpha.value, T);
          return clipToNorm(raw, grads, params.maxNorm);
        });
      },
      trainables: [],
      state,
      dispose: () => state.dispose(),
    };
  },
});
