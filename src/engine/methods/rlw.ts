/**
 * Random Loss Weighting. Lin, Ye, Zhang & Tsang, "Reasonable Effectiveness of Random Weighting: A Litmus
 * Test for Multi-Task Learning", TMLR 2022, arXiv:2111.10603; LibMTL/weighting/RLW.py.
 *
 * Every step draws fresh weights, independent of the losses and gradients. The distributions, as LibMTL:
 * - normal (the paper's default): z_t ~ N(0, 1), weights softmax(z);
 * - uniform: z_t ~ U(0, 1), softmax(z);
 * - dirichlet: p ~ Dir(1, ..., 1) (normalised Exp(1) draws), softmax(p) (LibMTL applies the softmax to the
 *   Dirichlet draw too, which pulls the weights close to equal);
 * - bernoulli: each weight 0 or 1 with probability ½, redrawn while all are 0, not normalised;
 * - constrained-bernoulli: one task, chosen uniformly, gets all the weight.
 * Scale: 'sum'. LibMTL's normalised weights sum to 1; we multiply them by T (the softmax draws and the
 * constrained Bernoulli: Σw = T, and by symmetry every task's mean weight is 1) so RLW compares with equal
 * weighting at the same learning rate. The Bernoulli weights stay 0/1 as in LibMTL.
 * One draw per step from ctx.rng, shared by all replicas (a replica's run does not depend on how many
 * train beside it), computed in JS and uploaded: no readback.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../random/rng';
import { MethodState } from '../stateful/state';
import { implementMethod } from './implement';
import { weightedSum, weightsFromRows } from './common';
import { rlwCard, type RlwDistribution } from './rlw.card';

/** T · softmax(z), shifted by the maximum so that no exponential overflows. */
function scaledSoftmax(z: number[]): number[] {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => (z.length * v) / sum);
}

/** One draw of the T task weights. */
export function drawRlwWeights(rng: Rng, T: number, distribution: RlwDistribution): number[] {
  const draws = (f: () => number) => Array.from({ length: T }, f);
  switch (distribution) {
    case 'normal':
      return scaledSoftmax(draws(() => rng.normal()));
    case 'uniform':
      return scaledSoftmax(draws(() => rng.next()));
    case 'dirichlet': {
      const gamma = draws(() => -Math.log(1 - rng.next())); // Exp(1) = Gamma(1, 1); 1 − U lies in (0, 1]
      const sum = gamma.reduce((a, b) => a + b, 0);
      return scaledSoftmax(gamma.map((g) => g / sum));
    }
    case 'bernoulli':
      for (;;) {
        const w = draws(() => (rng.next() < 0.5 ? 1 : 0));
        if (w.some((v) => v > 0)) return w;
      }
    case 'constrained-bernoulli': {
      const chosen = rng.int(T);
      return draws(() => 0).map((_, t) => (t === chosen ? T : 0));
    }
  }
}

export const rlw = implementMethod(rlwCard, {
  create: ({ numTasks: T, numReplicas: R, params, rng }) => ({
    aggregate: ({ grads }) => {
      const row = drawRlwWeights(rng, T, params.distribution);
      return tf.tidy(() => {
        const weights = weightsFromRows(
          Array.from({ length: R }, () => row),
          T,
        );
        return { direction: weightedSum(weights, grads), weights };
      });
    },
    trainables: [],
    state: new MethodState(),
    dispose: () => {},
  }),
});
