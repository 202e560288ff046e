/**
 * PCGrad (projecting conflicting gradients). Yu, Kumar, Gupta, Levine, Hausman & Finn, "Gradient Surgery
 * for Multi-Task Learning", NeurIPS 2020, arXiv:2001.06782; LibMTL/weighting/PCGrad.py.
 *
 * For each task i, in a random order of j (every task, i itself included, as both references do):
 * if g_i^PC · g_j < 0, remove from g_i^PC its component along the ORIGINAL g_j. Direction = Σ_i g_i^PC.
 *
 * Done on the device without readback: g_i^PC = Σ_k C_ik g_k, so g_i^PC · g_j = (C·Gram)_ij and each
 * projection only updates the coefficient matrix C [R, T, T]. Round r handles, for every i at once, the
 * r-th task of i's order (a one-hot selection matrix). The implied weights are the column sums of C.
 * Random orders: one permutation per task per step from ctx.rng, shared by all replicas (so a replica's
 * result does not depend on how many replicas train beside it).
 */
import * as tf from '@tensorflow/tfjs';
import { gram, weightedSum } from './common';
import { MethodState } from './state';
import { defineMethod } from './types';

export const pcgrad = defineMethod({
  id: 'pcgrad',
  label: 'PCGrad',
  group: 'gradient-surgery',
  summary:
    "Where two task gradients conflict (negative dot product), projects each onto the other's normal plane before summing.",
  citation:
    'Yu, Kumar, Gupta, Levine, Hausman & Finn, "Gradient Surgery for Multi-Task Learning", NeurIPS 2020, arXiv:2001.06782',
  scale: 'sum',
  params: {},
  stateful: false,
  stochastic: true,
  create: ({ numTasks: T, rng }) => ({
    aggregate: ({ grads }) => {
      // selection[r][i][j] = 1 when task j is the r-th in task i's order.
      const selection = new Float32Array(T * T * T);
      for (let i = 0; i < T; i++) {
        rng.permutation(T).forEach((j, r) => (selection[(r * T + i) * T + j] = 1));
      }
      return tf.tidy(() => {
        const A = gram(grads);
        // 1/|g_j|² where g_j ≠ 0; a zero g_j never conflicts, so its entry only has to stay finite.
        const diag = tf.sum(tf.mul(A, tf.eye(T).expandDims(0)), 2, true); // [R, T, 1]
        const inverseNormSq = tf.divNoNan(1, diag).reshape([-1, 1, T]); // [R, 1, T]
        const rounds = tf.unstack(tf.tensor3d(selection, [T, T, T]));
        let C: tf.Tensor3D = tf.eye(T).expandDims(0).tile([A.shape[0], 1, 1]);
        for (const pick of rounds) {
          const dots = tf.matMul(C, A); // [R, T, T]: (g_i^PC · g_j)
          const conflict = tf.minimum(tf.sum(tf.mul(dots, pick), 2, true), 0); // [R, T, 1]
          C = tf.sub(C, tf.mul(conflict, tf.mul(pick, inverseNormSq)));
        }
        const weights = tf.sum(C, 1) as tf.Tensor2D;
        return { direction: weightedSum(weights, grads), weights };
      });
    },
    trainables: [],
    state: new MethodState(),
    dispose: () => {},
  }),
});
