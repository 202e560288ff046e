/**
 * Per-task losses and their gradient with respect to the predictions, as a composition of tfjs ops: the
 * fallback of task-loss.ts on backends without our kernels (webgl) and the reference its kernels are
 * tested against. The losses are exactly train/losses.ts's `taskLosses` (task-loss.test.ts checks it), kept
 * separate so that losses.ts may itself call task-loss.ts.
 *
 * d/dz of mse (z − y)² is 2(z − y); of the stable binary cross-entropy on logits
 * max(z, 0) − z y + log(1 + e^−|z|) it is σ(z) − y. (tfjs's autodiff of that expression gives −y at exactly
 * z = 0, where relu's and abs's subgradients are 0; the function is smooth there and σ(0) − y is its slope.)
 * Each task's loss is a mean over its counted samples and the outputs, so its gradient carries the factor
 * w_tb / (max(Σ_b w_tb, 1) · O), or 1 / (B · O) without weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LossKind } from '../tasks/losses';

export interface TaskLossAndGrad {
  /** [T]: each task's mean loss. */
  losses: tf.Tensor1D;
  /** [T, B, O]: d(Σ_t losses_t) / d pred. */
  grad: tf.Tensor3D;
}

const bceLoss = (z: tf.Tensor3D, y: tf.Tensor3D): tf.Tensor3D =>
  tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
const mseLoss = (z: tf.Tensor3D, y: tf.Tensor3D): tf.Tensor3D => tf.squaredDifference(z, y);
const bceSlope = (z: tf.Tensor3D, y: tf.Tensor3D): tf.Tensor3D => tf.sub(tf.sigmoid(z), y);
const mseSlope = (z: tf.Tensor3D, y: tf.Tensor3D): tf.Tensor3D => tf.mul(tf.sub(z, y), 2);

/** The per-element value of `bce` for tasks whose kind is bce-logits and of `mse` for the others. */
function byKind(
  kinds: readonly LossKind[],
  z: tf.Tensor3D,
  y: tf.Tensor3D,
  bce: (z: tf.Tensor3D, y: tf.Tensor3D) => tf.Tensor3D,
  mse: (z: tf.Tensor3D, y: tf.Tensor3D) => tf.Tensor3D,
): tf.Tensor3D {
  if (kinds.every((k) => k === 'mse')) return mse(z, y);
  if (kinds.every((k) => k === 'bce-logits')) return bce(z, y);
  const isBce = tf.tensor3d(
    kinds.map((k) => (k === 'bce-logits' ? 1 : 0)),
    [kinds.length, 1, 1],
    'bool',
  );
  return tf.where(tf.broadcastTo(isBce, z.shape), bce(z, y), mse(z, y));
}

export function taskLossAndGradComposed(
  pred: tf.Tensor3D,
  target: tf.Tensor3D,
  kinds: readonly LossKind[],
  weights?: tf.Tensor2D,
): TaskLossAndGrad {
  return tf.tidy(() => {
    const [, B, O] = pred.shape;
    const elements = byKind(kinds, pred, target, bceLoss, mseLoss);
    const slopes = byKind(kinds, pred, target, bceSlope, mseSlope);
    if (!weights)
      return {
        losses: tf.mean<tf.Tensor1D>(elements, [1, 2]),
        grad: tf.mul<tf.Tensor3D>(slopes, 1 / (B * O)),
      };
    const counted = tf.maximum(tf.sum(weights, 1, true), 1);
    const losses = tf.div<tf.Tensor1D>(
      tf.sum(tf.mul(tf.mean(elements, 2), weights), 1),
      counted.reshape([-1]),
    );
    const scale = tf.div(weights, tf.mul(counted, O)).expandDims(2);
    return { losses, grad: tf.mul<tf.Tensor3D>(slopes, scale) };
  });
}
