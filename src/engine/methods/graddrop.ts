/**
 * GradDrop (gradient sign dropout). Chen, Ngiam, Huang, Luong, Kretzschmar, Chai & Anguelov, "Just Pick a
 * Sign: Optimizing Deep Multitask Models with Gradient Sign Dropout", NeurIPS 2020, arXiv:2010.06808
 * (Algorithm 1, lines 10-15); torchjd/aggregation/graddrop.py, whose version we follow.
 *
 * Per coordinate k of θ: the positive sign purity P_k = ½ (1 + Σ_t g_tk / Σ_t |g_tk|) and one uniform draw
 * U_k. If P_k > U_k only the positive entries g_tk > 0 are kept, if P_k < U_k only the negative ones; the
 * others are multiplied by `leak` (0 drops them). Direction = Σ_t m_tk g_tk (scale 'sum', as torchjd and
 * LibMTL, which backpropagate the sum of the masked gradients). Where all tasks agree in sign, P_k is 0 or
 * 1 and nothing is dropped; leak = 1 is the plain sum.
 *
 * Placement: the paper (and LibMTL, rep_grad only) applies the sign dropout to the gradients of the shared
 * ACTIVATIONS, summed over the batch and multiplied by the sign of the activations, then backpropagates
 * the masked activation gradients into θ. We apply it coordinate-wise to the task gradients of θ itself,
 * as torchjd does on the rows of the Jacobian: the contract hands us G of θ, and the θ placement needs no
 * second backward pass. torchjd's monotone transform of P is the identity here; `leak` is one number for
 * every task (LibMTL), not torchjd's per-task vector.
 *
 * Weights: GradDrop has no task weight vector (each coordinate has its own mask), so `weights` reports
 * m̄_t, task t's multiplier averaged over the coordinates where g_tk ≠ 0: leak + (1 − leak) × (the fraction
 * of those coordinates in which task t was kept), 1 for an all-zero gradient. They summarise how often
 * each task survived; direction = Σ_t m̄_t g_t does NOT hold in general.
 *
 * Randomness: U [P] is drawn from ctx.rng (one draw per coordinate per step) and uploaded; every replica
 * uses the same U, so a replica's result does not depend on the replicas training beside it.
 * (tf.randomUniform would be no cheaper: tfjs 4.22 fills it in JS and uploads it too.) Each draw is put
 * on the float32 grid strictly inside (0, 1): rounding a draw to exactly 1 would drop every entry of a
 * coordinate where all tasks are positive (P = 1 is not > 1).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../random/rng';
import { MethodState } from '../stateful/state';
import { implementMethod } from './implement';
import { graddropCard } from './graddrop.card';

/** One step of GradDrop on the device, for a given uniform draw U [P]. */
export function gradDrop(
  grads: tf.Tensor3D,
  uniform: tf.Tensor1D,
  leak: number,
): { direction: tf.Tensor2D; weights: tf.Tensor2D } {
  return tf.tidy(() => {
    const U = uniform.reshape([1, 1, -1]);
    const purity = tf.mul(
      0.5,
      tf.add(1, tf.divNoNan(tf.sum(grads, 1, true), tf.sum(tf.abs(grads), 1, true))),
    ); // [R, 1, P]
    const kept = tf.logicalOr(
      tf.logicalAnd(tf.greater(purity, U), tf.greater(grads, 0)),
      tf.logicalAnd(tf.less(purity, U), tf.less(grads, 0)),
    ); // [R, T, P]
    const multiplier = tf.add(leak, tf.mul(1 - leak, tf.cast(kept, 'float32')));
    const direction = tf.sum<tf.Tensor2D>(tf.mul(multiplier, grads), 1);
    const nonzero = tf.cast(tf.notEqual(grads, 0), 'float32');
    const count = tf.sum(nonzero, 2);
    const weights = tf.where(
      tf.greater(count, 0),
      tf.divNoNan(tf.sum(tf.mul(multiplier, nonzero), 2), count),
      tf.onesLike(count),
    ) as tf.Tensor2D;
    return { direction, weights };
  });
}

const GRID = 2 ** 24;

/** P uniform draws in (0, 1), each exactly representable in float32: (⌊u·2²⁴⌋ + ½) / 2²⁴. */
export function signDropUniforms(rng: Rng, length: number): Float32Array {
  const out = new Float32Array(length);
  for (let k = 0; k < length; k++) out[k] = (Math.floor(rng.next() * GRID) + 0.5) / GRID;
  return out;
}

export const graddrop = implementMethod(graddropCard, {
  create: ({ params, rng }) => ({
    aggregate: ({ grads }) => {
      const uniform = tf.tensor1d(signDropUniforms(rng, grads.shape[2]));
      try {
        return gradDrop(grads, uniform, params.leak);
      } finally {
        uniform.dispose();
      }
    },
    trainables: [],
    state: new MethodState(),
    dispose: () => {},
  }),
});
