/**
 * Per-task losses and their gradient with respect to the predictions, as a composition of tfjs ops: the
 * fallback of task-loss.ts on backends without our kernels (webgl) and the reference its kernels are
 * tested against. The losses are exactly train/losses.ts's `taskLosses` (task-loss.test.ts checks it), kept
 * separate so that losses.ts may itself call task-loss.ts.
 *
 * d/dz of mse (z − y)² is 2(z − y); of the stable binary cross-entropy on logits
 * max(z, 0) − z y + log(1 + e^−|z|) it is σ(z) − y; of the softmax cross-entropy −Σ_o y_o log softmax(z)_o
 * = lse(z)·Σy − Σ y z it is softmax(z)·Σy − y. (tfjs's autodiff of that expression gives −y at exactly
 * z = 0, where relu's and abs's subgradients are 0; the function is smooth there and σ(0) − y is its slope.)
 * Each task's loss is a mean over its counted samples (and, for mse and bce, over the outputs), so its
 * gradient carries the factor w_tb / max(Σ_b w_tb, 1), or 1 / B without weights (and 1 / O for mse, bce).
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

/** Per sample [T, B]: mse and bce averaged over the outputs; softmax-ce lse·Σy − Σ y z (a sum). */
function sampleLosses(kind: LossKind, z: tf.Tensor3D, y: tf.Tensor3D): tf.Tensor2D {
  if (kind === 'softmax-ce') return tf.sub(tf.mul(tf.logSumExp(z, 2), tf.sum(y, 2)), tf.sum(tf.mul(y, z), 2));
  return tf.mean(kind === 'mse' ? mseLoss(z, y) : bceLoss(z, y), 2);
}

/** d(sample loss)/dz [T, B, O]: the mean's 1/O included for mse and bce; softmax(z)·Σy − y for softmax-ce. */
function sampleSlopes(kind: LossKind, z: tf.Tensor3D, y: tf.Tensor3D): tf.Tensor3D {
  const O = z.shape[2];
  if (kind === 'softmax-ce') return tf.sub(tf.mul(tf.softmax(z), tf.sum(y, 2, true)), y);
  return tf.div(kind === 'mse' ? mseSlope(z, y) : bceSlope(z, y), O);
}

/** Each task's rows from its own kind's formula (one formula when every task has the same kind). */
function byKind<R extends tf.Tensor>(
  kinds: readonly LossKind[],
  z: tf.Tensor3D,
  y: tf.Tensor3D,
  of: (kind: LossKind, z: tf.Tensor3D, y: tf.Tensor3D) => R,
): R {
  const first = kinds[0] ?? 'mse';
  if (kinds.every((k) => k === first)) return of(first, z, y);
  const rows = kinds.map((kind, t) =>
    of(kind, tf.slice(z, [t, 0, 0], [1, -1, -1]), tf.slice(y, [t, 0, 0], [1, -1, -1])),
  );
  return tf.concat<R>(rows);
}

export function taskLossAndGradComposed(
  pred: tf.Tensor3D,
  target: tf.Tensor3D,
  kinds: readonly LossKind[],
  weights?: tf.Tensor2D,
): TaskLossAndGrad {
  return tf.tidy(() => {
    const B = pred.shape[1];
    const samples = byKind(kinds, pred, target, sampleLosses);
    const slopes = byKind(kinds, pred, target, sampleSlopes);
    if (!weights)
      return { losses: tf.mean<tf.Tensor1D>(samples, 1), grad: tf.mul<tf.Tensor3D>(slopes, 1 / B) };
    const counted = tf.maximum(tf.sum(weights, 1, true), 1);
    const losses = tf.div<tf.Tensor1D>(tf.sum(tf.mul(samples, weights), 1), counted.reshape([-1]));
    const scale = tf.div(weights, counted).expandDims(2);
    return { losses, grad: tf.mul<tf.Tensor3D>(slopes, scale) };
  });
}
