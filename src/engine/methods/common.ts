/**
 * Tensor helpers shared by the gradient methods. Everything is batched over replicas: weights [R, T],
 * gradients [R, T, P], Gram matrices [R, T, T]. Small T x T problems are read back with `await data()`
 * (never dataSync: it breaks WebGPU, docs/architecture.md, measured facts) and solved in JS in float64.
 */
import * as tf from '@tensorflow/tfjs-core';
import { twoTaskWeights, type TwoTaskRule } from '../kernels/two-task-weights-kernel';
import { weightedRowSum } from '../kernels/weighted-sum-kernel';
import { MethodState } from '../stateful/state';
import type { AggregateInput, MethodInstance } from './types';

/**
 * Σ_t w_t g_t per replica: one batched matMul, [R, T] x [R, T, P] -> [R, P]; on WASM one loop over G
 * (kernels/weighted-sum-kernel.ts says why).
 */
export function weightedSum(weights: tf.Tensor2D, grads: tf.Tensor3D): tf.Tensor2D {
  if (tf.getBackend() === 'wasm') {
    const summed = weightedRowSum(weights, grads);
    if (summed) return summed;
  }
  return tf.tidy(() => {
    const [R, , P] = grads.shape;
    return tf.matMul(weights.expandDims<tf.Tensor3D>(1), grads).reshape<tf.Tensor2D>([R, P]);
  });
}

/** G Gᵀ per replica: [R, T, P] -> [R, T, T]. */
export function gram(grads: tf.Tensor3D): tf.Tensor3D {
  return tf.matMul(grads, grads, false, true);
}

/** Weights [R, T] uploaded from JS rows (one per replica). */
export function weightsFromRows(rows: readonly (readonly number[])[], numTasks: number): tf.Tensor2D {
  const flat = new Float32Array(rows.length * numTasks);
  rows.forEach((row, r) => flat.set(row, r * numTasks));
  return tf.tensor2d(flat, [rows.length, numTasks]);
}

/** A square matrix per replica, as float64 rows, from a row-major [R, T, T] readback. */
export function squareMatrices(values: ArrayLike<number>, replicas: number, size: number): number[][][] {
  return Array.from({ length: replicas }, (_, r) =>
    Array.from({ length: size }, (_, i) =>
      Array.from({ length: size }, (_, j) => values[(r * size + i) * size + j] ?? 0),
    ),
  );
}

/** Rows of a row-major [R, T] readback. */
export function rowsOf(values: ArrayLike<number>, replicas: number, size: number): number[][] {
  return Array.from({ length: replicas }, (_, r) =>
    Array.from({ length: size }, (_, t) => values[r * size + t] ?? 0),
  );
}

/**
 * Read back each replica's Gram matrix of `grads` together with the losses, in one transfer. The solve that
 * follows runs in JS; the Gram matrix is the only thing about the gradients that MGDA and CAGrad need.
 */
export async function readGramAndLosses(
  grads: tf.Tensor3D,
  losses: tf.Tensor2D,
): Promise<{ gram: number[][][]; losses: number[][] }> {
  const [R, T] = losses.shape;
  const flat = tf.tidy(() => tf.concat([gram(grads).reshape([-1]), losses.reshape([-1])]));
  try {
    const values = await flat.data();
    return { gram: squareMatrices(values, R, T), losses: rowsOf(values.subarray(R * T * T), R, T) };
  } finally {
    flat.dispose();
  }
}

/**
 * A stateless method whose weights are a function of each replica's Gram matrix (and losses), solved in
 * JS after one readback: MGDA, CAGrad, UPGrad, DualProj, ConFIG, Aligned-MTL, Krum. MGDA and CAGrad with
 * two tasks solve in a kernel instead (kernels/two-task-weights-kernel.ts), with the same numbers on CPU. Direction = Σ_t w_t g_t
 * of the step's gradients. `gramOf` picks what the Gram matrix is taken of (MGDA-UB: the representation).
 */
export function gramWeighting(
  numTasks: number,
  solve: (gram: number[][], losses: number[]) => number[],
  gramOf: (input: AggregateInput) => tf.Tensor3D = (input) => input.grads,
  /** Two tasks have a closed form: solved in a kernel, on the device, without the readback. */
  twoTask?: TwoTaskRule,
): MethodInstance {
  return {
    aggregate: async (input) => {
      if (twoTask && numTasks === 2) {
        const pairGram = gram(gramOf(input));
        const weights = twoTaskWeights(pairGram, input.losses, twoTask);
        pairGram.dispose();
        if (weights) return { direction: weightedSum(weights, input.grads), weights };
      }
      const read = await readGramAndLosses(gramOf(input), input.losses);
      const rows = read.gram.map((A, r) => solve(A, read.losses[r] ?? []));
      return tf.tidy(() => {
        const weights = weightsFromRows(rows, numTasks);
        return { direction: weightedSum(weights, input.grads), weights };
      });
    },
    trainables: [],
    state: new MethodState(),
    dispose: () => {},
  };
}
