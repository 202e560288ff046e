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
import * as tf from '@tensorflow/tfjs';
import { num } from '../params/spec';
import { readGramAndLosses, weightsFromRows } from './common';
import { clipToNorm } from './nash-mtl';
import { solveNashSystem } from './solvers/nash-system';
import { MethodState } from './state';
import { defineMethod } from './types';

export const fairgrad = defineMethod({
  id: 'fairgrad',
  label: 'FairGrad',
  group: 'multi-objective',
  summary:
    'Shares the update among tasks like bandwidth under α-fairness: weights with g_t·d = w_t^(−1/α). Small α gives the plain sum, α = 1 is Nash-MTL, large α pushes towards equal progress on every task.',
  citation: 'Ban & Ji, "Fair Resource Allocation in Multi-Task Learning", ICML 2024, arXiv:2402.15638',
  scale: 'sum',
  params: {
    alpha: num({
      label: 'α (fairness)',
      help: "α-fairness: near 0 the sum of the gradients, 1 proportional fairness (Nash-MTL), large values max–min fairness. 1 is the default of the authors' code and LibMTL; the authors ran 2 on CelebA and QM9.",
      default: 1,
      min: 0.01,
      max: 100,
      scale: 'log',
    }),
    maxNorm: num({
      label: 'Max update norm',
      help: "Clip the update to this norm (0: no clipping, as LibMTL). The authors' code clips at 1.",
      default: 0,
      min: 0,
      max: 1000,
    }),
  },
  stateful: false,
  stochastic: false,
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
