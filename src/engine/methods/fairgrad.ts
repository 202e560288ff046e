/**
 * FairGrad. Ban & Ji, "Fair Resource Allocation in Multi-Task Learning", ICML 2024, arXiv:2402.15638;
 * OptMN-Lab/fairgrad methods/weight_methods.py and LibMTL/weighting/FairGrad.py.
 *
 * The tasks share the update like users share a network link under α-fairness: the weights w > 0 solve
 * (G Gᵀ) w = w^(−1/α) element-wise, and d = Σ w_t g_t, so that g_t·d = w_t^(−1/α) for every task (both
 * references call scipy's least_squares on that residual; we solve it exactly, solvers/nash-system.ts,
 * from the Gram matrix read back with `await data()`). The limits of α:
 * - α → 0: w → 1, the plain sum of the gradients (utilitarian: linear scalarisation);
 * - α = 1: proportional fairness, exactly Nash-MTL's system Gᵀ G α = 1/α (without its clipping);
 * - α = 2: "minimum potential delay" fairness (the authors' runs on CelebA and QM9);
 * - α → ∞: (G Gᵀ) w → 1, equal progress g_t·d on every task (max–min fairness), approached only while
 *   that system has a positive solution; otherwise some weights shrink towards 0.
 * Scale: 'sum', as LibMTL (orthonormal gradients get w = 1). The authors' code multiplies d by T ("to
 * match the sum loss") and then clips its norm to max_norm = 1; LibMTL does neither, which is our
 * default (max_norm 0); max_norm > 0 clips as the authors do, without the factor T.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MethodState } from '../stateful/state';
import { implementMethod } from './implement';
import { readGramAndLosses, weightsFromRows } from './common';
import { fairgradCard } from './fairgrad.card';
import { clipToNorm } from './nash-mtl';
import { solveNashSystem } from './solvers/nash-system';

export const fairgrad = implementMethod(fairgradCard, {
  create: ({ numTasks: T, params }) => ({
    aggregate: async ({ grads, losses }) => {
      const read = await readGramAndLosses(grads, losses);
      const rows = read.gram.map((A) => solveNashSystem(A, { power: 1 / params.alpha }).weights);
      return tf.tidy(() => clipToNorm(weightsFromRows(rows, T), grads, params.maxNorm));
    },
    trainables: [],
    state: new MethodState(),
    dispose: () => {},
  }),
});
