/**
 * What a meta-learner computes each meta-training step, and the inner loop they share. A meta-batch is B
 * sines, each with K shots and Q query points; the network's parameters are copied per sine along a leading
 * axis ([B, ...], net.ts), so one forward/backward pass adapts every copy on its own sine (the sum of the
 * per-sine losses has, per copy, exactly that sine's gradient).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MetaNet } from './net';
import { taskMse } from './net';

export interface MetaBatch {
  /** Shots [B, K, 1] and their targets. */
  shotsX: tf.Tensor3D;
  shotsY: tf.Tensor3D;
  /** Query points [B, Q, 1] and their targets (the meta-loss). */
  queryX: tf.Tensor3D;
  queryY: tf.Tensor3D;
}

export interface InnerLoop {
  innerSteps: number;
  innerLr: number;
}

export interface MetaLearner {
  /**
   * For parameters θ (unstacked, the network's shapes): the direction the outer optimizer descends, one
   * tensor per parameter, and the meta-batch's mean query MSE after adaptation (the meta-training loss).
   */
  outerGradient(
    net: MetaNet,
    theta: readonly tf.Tensor[],
    batch: MetaBatch,
    inner: InnerLoop,
  ): {
    grads: tf.Tensor[];
    loss: tf.Scalar;
  };
}

/**
 * `innerSteps` SGD steps of every stacked copy on its own shots: φ ← φ − α ∇φ Σ_b L_b(φ_b). Run inside an
 * outer tf.grads this stays differentiable (MAML's second derivatives); outside, its result is a constant.
 */
export function adaptCopies(
  net: MetaNet,
  copies: readonly tf.Tensor[],
  batch: MetaBatch,
  inner: InnerLoop,
): tf.Tensor[] {
  const support = (...q: tf.Tensor[]) =>
    tf.sum<tf.Scalar>(taskMse(net.forward(q, batch.shotsX), batch.shotsY));
  let phi = [...copies];
  for (let k = 0; k < inner.innerSteps; k++) {
    const grads = tf.grads(support)(phi);
    phi = phi.map((p, i) => tf.sub(p, tf.mul(inner.innerLr, grads[i] as tf.Tensor)));
  }
  return phi;
}

/** Mean over the meta-batch of each adapted copy's query MSE. */
export const queryLoss = (net: MetaNet, phi: readonly tf.Tensor[], batch: MetaBatch): tf.Scalar =>
  tf.mean(taskMse(net.forward(phi, batch.queryX), batch.queryY));

export const batchSize = (batch: MetaBatch): number => batch.shotsX.shape[0];

/** The batch's four tensors, to dispose. */
export const batchTensors = (b: MetaBatch): tf.Tensor[] => [b.shotsX, b.shotsY, b.queryX, b.queryY];
