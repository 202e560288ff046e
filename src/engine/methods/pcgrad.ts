/**
 * PCGrad (projecting conflicting gradients). Yu, Kumar, Gupta, Levine, Hausman & Finn, "Gradient Surgery
 * for Multi-Task Learning", NeurIPS 2020, arXiv:2001.06782 (Algorithm 1); LibMTL/weighting/PCGrad.py; the
 * two-task form in Cranial-XIX/CAGrad toy.py.
 *
 * For each task i, over the OTHER tasks j in a random order (Algorithm 1's "T_j ~ B \ T_i"):
 * if g_i^PC · g_j < 0, remove from g_i^PC its component along the ORIGINAL g_j. Direction = Σ_i g_i^PC.
 *
 * Why never j = i (LibMTL and the authors' code loop over every task, i included): in exact arithmetic
 * the two-task self-test is harmless (after one projection g_i^PC · g_i = |g_i|²(1 − cos²) ≥ 0), but here
 * it is (C·A)_ii, a difference of two nearly equal float32 numbers wherever g_i and g_j are nearly
 * opposite. On the Pareto set it often came out slightly negative, and the self-projection that followed
 * added a sliver of g_i. Adam rescales the otherwise tiny direction there, so those slivers dragged the
 * CAGrad toy's end points along the set towards the middle (from (-8.5, -5), θ1 ≈ −1.0 after 100,000
 * steps; now −6.5, toy.py's PCGrad −6.4 to −6.6: docs/benchmarks.md).
 *
 * Done on the device without readback: g_i^PC = Σ_k C_ik g_k, so g_i^PC · g_j = (C·Gram)_ij and each
 * projection only updates the coefficient matrix C [R, T, T]. Round r (of T − 1) handles, for every i at
 * once, the r-th task of i's order (a one-hot selection matrix). Each task's first test reads the
 * Gram entry A_ij itself (C starts as I), so for two tasks the decision is exactly the sign of g_1 · g_2.
 * The implied weights are the column sums of C. Random orders: for each task one permutation of the
 * others per step from ctx.rng (the same draws as gradvac.ts, so GradVac with β = 0 is this method),
 * shared by all replicas (so a replica's result does not depend on how many replicas train beside it).
 */
import * as tf from '@tensorflow/tfjs-core';
import { pcgradWeights } from '../kernels/pcgrad-weights-kernel';
import { MethodState } from '../stateful/state';
import { implementMethod } from './implement';
import { gram, weightedSum } from './common';
import { pcgradCard } from './pcgrad.card';

/** selection[r][i][j] = 1 when task j ≠ i is the r-th in task i's random order over the other tasks. */
export function drawRounds(T: number, permutation: (n: number) => number[]): Float32Array {
  const selection = new Float32Array(Math.max(T - 1, 0) * T * T);
  for (let i = 0; i < T; i++) {
    const others = Array.from({ length: T - 1 }, (_, k) => (k < i ? k : k + 1));
    permutation(T - 1).forEach((k, r) => (selection[(r * T + i) * T + (others[k] ?? 0)] = 1));
  }
  return selection;
}

/**
 * The implied weights [R, T] from the Gram matrix A [R, T, T] and the rounds' one-hot selections, as tfjs
 * ops (cpu, wasm, webgl; the reference of kernels/pcgrad-weights-kernel.ts, which WebGPU runs instead).
 */
export function composedPcgradWeights(A: tf.Tensor3D, rounds: tf.Tensor3D): tf.Tensor2D {
  return tf.tidy(() => {
    const T = A.shape[1];
    // 1/|g_j|² where g_j ≠ 0; a zero g_j never conflicts, so its entry only has to stay finite.
    const diag = tf.sum(tf.mul(A, tf.eye(T).expandDims(0)), 2, true); // [R, T, 1]
    const inverseNormSq = tf.divNoNan(1, diag).reshape([-1, 1, T]); // [R, 1, T]
    let C: tf.Tensor3D = tf.eye(T).expandDims(0).tile([A.shape[0], 1, 1]);
    for (const pick of T > 1 ? tf.unstack(rounds) : []) {
      const dots = tf.matMul(C, A); // [R, T, T]: (g_i^PC · g_j)
      const conflict = tf.minimum(tf.sum(tf.mul(dots, pick), 2, true), 0); // [R, T, 1]
      C = tf.sub(C, tf.mul(conflict, tf.mul(pick, inverseNormSq)));
    }
    return tf.sum<tf.Tensor2D>(C, 1);
  });
}

export const pcgrad = implementMethod(pcgradCard, {
  create: ({ numTasks: T, rng }) => ({
    aggregate: ({ grads }) => {
      const selection = drawRounds(T, (n) => rng.permutation(n));
      return tf.tidy(() => {
        const A = gram(grads);
        const rounds = tf.tensor3d(selection, [Math.max(T - 1, 0), T, T]);
        // One dispatch on WebGPU (the kernel's header says why only there).
        const onDevice = tf.getBackend() === 'webgpu' ? pcgradWeights(A, rounds) : null;
        const weights = onDevice ?? composedPcgradWeights(A, rounds);
        return { direction: weightedSum(weights, grads), weights };
      });
    },
    trainables: [],
    state: new MethodState(),
    dispose: () => {},
  }),
});
