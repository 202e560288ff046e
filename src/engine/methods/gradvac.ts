/**
 * GradVac (Gradient Vaccine). Wang, Tsvetkov, Firat & Cao, "Gradient Vaccine: Investigating and Improving
 * Multi-task Optimization in Massively Multilingual Models", ICLR 2021, arXiv:2010.05874 (Algorithm 1);
 * LibMTL/weighting/GradVac.py and torchjd's GradVacWeighting.
 *
 * PCGrad with a target: for each task i, visit the other tasks j in a random order; with φ_ij the cosine of
 * the (already modified) g_i^GV and the ORIGINAL g_j, and φ̂_ij an exponential moving average of φ_ij,
 * if φ_ij < φ̂_ij add to g_i^GV the multiple of g_j that brings the cosine up to φ̂_ij exactly:
 *   g_i^GV += |g_i^GV| (φ̂ √(1−φ²) − φ √(1−φ̂²)) / (|g_j| √(1−φ̂²)) g_j,
 * then φ̂_ij ← (1−β) φ̂_ij + β φ_ij. Direction = Σ_i g_i^GV (scale 'sum', as both references).
 * With β = 0 the targets stay at their initial 0 and GradVac is PCGrad over the other tasks.
 *
 * Conventions where the references differ:
 * - The EMA is updated for every visited pair, as the paper's Algorithm 1 and torchjd; LibMTL updates it
 *   only when a correction happens, so its targets can never rise above 0.
 * - β = 0.5 as LibMTL and torchjd (the paper's experiments use 1e-2).
 * - One target per task pair for the whole θ (LibMTL's 'whole_model', its default). Its per-layer and
 *   per-matrix variants need the layer boundaries of θ, which the method contract does not carry.
 * - The references' absolute 1e-8 guards are dropped (they bias small gradients): a zero gradient has
 *   cosine 0 and is never corrected towards or with. Targets enter the correction clipped to ±(1 − 1e-4):
 *   a target of exactly ±1 (collinear history) would ask for an infinite correction.
 *
 * On the device without readback, as pcgrad.ts: g_i^GV = Σ_k C_ik g_k, so every dot product and norm
 * comes from C and the Gram matrix A. Round r handles, for every i at once, the r-th task of i's order.
 * Implied weights: the column sums of C. The targets φ̂ [R, T, T] live in the method state. Random
 * orders: one permutation of the other tasks per task per step from ctx.rng, shared by all replicas.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceState } from '../stateful/device-state';
import { implementMethod } from './implement';
import { gram, weightedSum } from './common';
import { gradvacCard } from './gradvac.card';

/** Largest |target| used in the correction (see the header). */
export const GRADVAC_MAX_TARGET = 1 - 1e-4;

/** selection[r][i][j] = 1 when task j is the r-th in task i's random order over the other tasks. */
function drawRounds(T: number, next: (n: number) => number[]): Float32Array {
  const rounds = Math.max(T - 1, 0);
  const selection = new Float32Array(rounds * T * T);
  for (let i = 0; i < T; i++) {
    const others = Array.from({ length: T - 1 }, (_, k) => (k < i ? k : k + 1));
    next(T - 1).forEach((k, r) => (selection[(r * T + i) * T + (others[k] ?? 0)] = 1));
  }
  return selection;
}

export const gradvac = implementMethod(gradvacCard, {
  create: ({ numTasks: T, numReplicas: R, params, rng }) => {
    const state = new DeviceState();
    const targets = state.variable('targets', [R, T, T], 0); // φ̂_ij, row i, column j
    return {
      aggregate: ({ grads }) => {
        const selection = drawRounds(T, (n) => rng.permutation(n));
        return tf.tidy(() => {
          const A = gram(grads);
          const eye = tf.eye(T).expandDims(0);
          const normsRow = tf.sqrt(tf.relu(tf.sum(tf.mul(A, eye), 2))).reshape([-1, 1, T]); // [R, 1, T]
          const rounds = T > 1 ? tf.unstack(tf.tensor3d(selection, [T - 1, T, T])) : [];
          let C: tf.Tensor3D = eye.tile<tf.Tensor3D>([A.shape[0], 1, 1]);
          let phiHat = targets as tf.Tensor as tf.Tensor3D;
          for (const pick of rounds) {
            const dots = tf.matMul(C, A); // [R, T, T]: g_i^GV · g_j
            const dot = tf.sum(tf.mul(dots, pick), 2, true); // [R, T, 1]
            const normI = tf.sqrt(tf.relu(tf.sum(tf.mul(dots, C), 2, true))); // |g_i^GV|
            const normJ = tf.sum(tf.mul(normsRow, pick), 2, true); // |g_j|
            const phi = tf.clipByValue(tf.divNoNan(dot, tf.mul(normI, normJ)), -1, 1);
            const target = tf.sum(tf.mul(phiHat, pick), 2, true);
            const t = tf.clipByValue(target, -GRADVAC_MAX_TARGET, GRADVAC_MAX_TARGET);
            const sqrtT = tf.sqrt(tf.sub(1, tf.square(t)));
            const sqrtPhi = tf.sqrt(tf.relu(tf.sub(1, tf.square(phi))));
            const w = tf.divNoNan(
              tf.mul(normI, tf.sub(tf.mul(t, sqrtPhi), tf.mul(phi, sqrtT))),
              tf.mul(normJ, sqrtT),
            );
            const active = tf.logicalAnd(tf.less(phi, target), tf.greater(normJ, 0));
            C = tf.add(C, tf.mul(tf.where(active, w, tf.zerosLike(w)), pick));
            // Each pair (i, j) is visited once per step: move its target towards this step's cosine.
            phiHat = tf.add(phiHat, tf.mul(pick, tf.mul(params.beta, tf.sub(phi, target))));
          }
          if (rounds.length) targets.assign(phiHat);
          const weights = tf.sum<tf.Tensor2D>(C, 1);
          return { direction: weightedSum(weights, grads), weights };
        });
      },
      trainables: [],
      state,
      dispose: () => state.dispose(),
    };
  },
});
