/**
 * Per-task losses and metrics (kinds in tasks/losses.ts), computed on stacked predictions [T, B, O] and
 * targets [T, B, O] with an optional sample mask [T, B] (1 = counts). Every reduction is a mean over the
 * counted samples. Here and not beside the kinds so that the task suites stay tfjs-free.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LossKind, MetricKind } from '../tasks/losses';

/** Elementwise loss [T, B, O] before reduction (mse, bce-logits). */
function elementLoss(kind: LossKind, pred: tf.Tensor3D, target: tf.Tensor3D): tf.Tensor3D {
  if (kind === 'mse') return tf.squaredDifference(pred, target);
  // Numerically stable binary cross-entropy on logits: max(z, 0) - z y + log(1 + exp(-|z|)).
  return tf.add(tf.sub(tf.relu(pred), tf.mul(pred, target)), tf.log1p(tf.exp(tf.neg(tf.abs(pred)))));
}

/**
 * One kind's loss per sample [T, B]: mse and bce averaged over the outputs; softmax cross-entropy
 * −Σ_o y_o log softmax(z)_o = logsumexp(z)·Σy − Σ y z, one number per sample (not averaged).
 */
function sampleLoss(kind: LossKind, pred: tf.Tensor3D, target: tf.Tensor3D): tf.Tensor2D {
  if (kind === 'softmax-ce')
    return tf.sub(tf.mul(tf.logSumExp(pred, 2), tf.sum(target, 2)), tf.sum(tf.mul(target, pred), 2));
  return tf.mean<tf.Tensor2D>(elementLoss(kind, pred, target), 2);
}

/** Loss per task and sample [T, B]. Loss kinds may differ per task. */
export function perSampleLosses(
  kinds: readonly LossKind[],
  pred: tf.Tensor3D,
  target: tf.Tensor3D,
): tf.Tensor2D {
  return tf.tidy(() => {
    if (kinds.every((k) => k === kinds[0])) return sampleLoss(kinds[0] ?? 'mse', pred, target);
    const rows = kinds.map((kind, t) => {
      const p = tf.slice(pred, [t, 0, 0], [1, -1, -1]);
      const y = tf.slice(target, [t, 0, 0], [1, -1, -1]);
      return sampleLoss(kind, p, y);
    });
    return tf.concat<tf.Tensor2D>(rows);
  });
}

/**
 * Mean loss per task: [T]. With `weights` [T, B] (the sampling strategy's slot weights: 1 real, 0 padding)
 * the mean is Σ_b w l / Σ_b w, and 0 for a task with no weight this step (so its gradient is zero).
 */
export function taskLosses(
  kinds: readonly LossKind[],
  pred: tf.Tensor3D,
  target: tf.Tensor3D,
  weights?: tf.Tensor2D,
): tf.Tensor1D {
  return tf.tidy(() => {
    // The common case in one reduction (a kernel fewer per step on the GPU): one loss kind, no slot weights.
    if (!weights && kinds.every((k) => k === kinds[0]) && kinds[0] !== 'softmax-ce')
      return tf.mean<tf.Tensor1D>(elementLoss(kinds[0] ?? 'mse', pred, target), [1, 2]);
    const losses = perSampleLosses(kinds, pred, target);
    if (!weights) return tf.mean<tf.Tensor1D>(losses, 1);
    // max(Σw, 1): slot weights are 0 or 1, so this is Σw except for a left-out task, whose Σ w l is 0.
    // (divNoNan would do the same but has no gradient in tfjs.)
    return tf.div<tf.Tensor1D>(tf.sum(tf.mul(losses, weights), 1), tf.maximum(tf.sum(weights, 1), 1));
  });
}

/** One task's metric over all its samples (pred and target [B, O]); a scalar tensor. */
export function taskMetric(
  kind: MetricKind,
  loss: LossKind,
  pred: tf.Tensor2D,
  target: tf.Tensor2D,
): tf.Scalar {
  return tf.tidy(() => {
    switch (kind) {
      case 'accuracy': {
        // Classes: the largest logit against the target's class (one-hot).
        if (loss === 'softmax-ce')
          return tf.mean(tf.cast(tf.equal(tf.argMax(pred, 1), tf.argMax(target, 1)), 'float32'));
        // Binary: a logit above 0 predicts the positive class.
        const predicted = tf.greater(pred, 0);
        const actual = tf.greater(target, 0.5);
        return tf.mean(tf.cast(tf.equal(predicted, actual), 'float32'));
      }
      case 'r2': {
        const sse = tf.sum(tf.squaredDifference(pred, target));
        const sst = tf.sum(tf.squaredDifference(target, tf.mean(target)));
        return tf.sub(1, tf.div(sse, tf.maximum(sst, 1e-12)));
      }
      case 'mse':
        return tf.mean(tf.squaredDifference(pred, target));
      case 'loss':
        return tf.mean(sampleLoss(loss, pred.expandDims<tf.Tensor3D>(0), target.expandDims<tf.Tensor3D>(0)));
    }
  });
}

/**
 * A task's key performance indicator in [0, 1] from its metric, for Dynamic Task Prioritization (Guo et al.,
 * ECCV 2018), which weighs tasks by how far their KPI is from perfect: accuracy as it is, R² clamped to
 * [0, 1], and exp(−value) for error-like metrics (MSE, loss), which is 1 at a perfect fit.
 */
export function kpiOf(kind: MetricKind, metric: tf.Scalar): tf.Scalar {
  return tf.tidy(() => {
    switch (kind) {
      case 'accuracy':
        return metric;
      case 'r2':
        return tf.clipByValue(metric, 0, 1);
      case 'mse':
      case 'loss':
        return tf.exp(tf.neg(tf.relu(metric)));
    }
  });
}
