/**
 * SDMGrad (stochastic direction-oriented multi-objective gradient descent). Xiao, Ban & Ji,
 * "Direction-oriented Multi-objective Learning: Simple and Provable Stochastic Algorithms", NeurIPS 2023,
 * arXiv:2305.18409; LibMTL/weighting/SDMGrad.py, from the authors' OptMN-Lab/sdmgrad.
 *
 * The direction is kept near the mean gradient g₀: the weights w solve
 *   min over the simplex of ½ |Gᵀw + λ g₀|²,  gradient  GGᵀ w + λ GGᵀ 1/T,
 * approximately, by `niter` projected gradient steps with heavy-ball momentum 0.5 (LibMTL: SGD with a
 * fresh momentum buffer each training step, w kept across steps), on GGᵀ divided by the squared mean
 * gradient norm. Then direction = (Gᵀw + λ g₀) / (1 + λ), i.e. weights (w_t + λ/T) / (1 + λ) (scale
 * 'convex'). λ = 0 is (an approximation of) MGDA, λ → ∞ the mean gradient, niter = 0 keeps w.
 *
 * Single sample: the paper and both codebases use three independent mini-batches (two for the w problem,
 * a third for the direction) to make the estimates unbiased. The method contract hands us one G per step,
 * so all three are that G. The Gram matrix is read back with `await data()` and the steps run in JS
 * float64 (solvers/simplex.ts for the projection). LibMTL's 1e-8 added to the squared scale is dropped
 * (it rescales small gradients); all-zero gradients leave w unchanged.
 * Step size: LibMTL's 5 (the authors' code 10) is the default. It is large: with strongly conflicting
 * gradients the iterates jump between corners of the simplex and stop wherever iteration `niter` lands
 * (so sensitively that float32 and float64 runs part ways within a few training steps).
 * A smaller `lr` with more iterations converges to the exact solution of the w problem.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MethodState } from '../stateful/state';
import { implementMethod } from './implement';
import { readGramAndLosses, weightedSum, weightsFromRows } from './common';
import { sdmgradCard } from './sdmgrad.card';
import { projectToSimplex } from './solvers/simplex';

const MOMENTUM = 0.5;

/** `niter` momentum steps on w for one replica's Gram matrix A; returns the new w. */
export function sdmgradInner(
  A: readonly (readonly number[])[],
  start: readonly number[],
  lambda: number,
  niter: number,
  lr: number,
): number[] {
  const T = A.length;
  const meanNorm = A.reduce((s, row, t) => s + Math.sqrt(Math.max(row[t] ?? 0, 0)), 0) / T;
  if (!(meanNorm > 0)) return [...start];
  const GG = A.map((row) => row.map((a) => a / (meanNorm * meanNorm)));
  const Gg = GG.map((row) => row.reduce((s, a) => s + a, 0) / T); // GGᵀ·1/T
  let w = [...start];
  let buffer: number[] | undefined;
  for (let it = 0; it < niter; it++) {
    const grad = GG.map((row, i) => row.reduce((s, a, j) => s + a * (w[j] ?? 0), 0) + lambda * (Gg[i] ?? 0));
    buffer = buffer ? buffer.map((b, i) => MOMENTUM * b + (grad[i] ?? 0)) : grad;
    const step = buffer;
    w = projectToSimplex(w.map((v, i) => v - lr * (step[i] ?? 0)));
  }
  return w;
}

export const sdmgrad = implementMethod(sdmgradCard, {
  create: ({ numTasks: T, numReplicas: R, params }) => {
    const state = new MethodState();
    const w = state.box(
      'w',
      Array.from({ length: R }, () => new Array<number>(T).fill(1 / T)),
    );
    return {
      aggregate: async ({ grads, losses }) => {
        const read = await readGramAndLosses(grads, losses);
        w.value = read.gram.map((A, r) =>
          sdmgradInner(A, w.value[r] ?? [], params.lambda, params.niter, params.lr),
        );
        const rows = w.value.map((row) => row.map((v) => (v + params.lambda / T) / (1 + params.lambda)));
        return tf.tidy(() => {
          const weights = weightsFromRows(rows, T);
          return { direction: weightedSum(weights, grads), weights };
        });
      },
      trainables: [],
      state,
      dispose: () => state.dispose(),
    };
  },
});
