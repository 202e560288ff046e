/**
 * Per-task losses and metrics, computed on stacked predictions [T, B, O] and targets [T, B, O] with an
 * optional sample mask [T, B] (1 = counts). Every reduction is a mean over the counted samples.
 */
import * as tf from '@tensorflow/tfjs';

export type LossKind = 'mse' | 'bce-logits';
export type MetricKind = 'accuracy' | 'r2' | 'mse' | 'loss';

export const METRICS: Record<MetricKind, { label: string; higherIsBetter: boolean }> = {
  accuracy: { label: 'accuracy', higherIsBetter: true },
  r2: { label: 'R²', higherIsBetter: true },
  mse: { label: 'MSE', higherIsBetter: false },
  loss: { label: 'loss', higherIsBetter: false },
};

/** Elementwise loss [T, B, O] before reduction. */
function elementLoss(kind: LossKind, pred: tf.Tensor3D, target: tf.Tensor3D): tf.Tensor3D {
  if (kind === 'mse') return tf.squaredDifference(pred, target);
  // Numerically stable binary cross-entropy on logits: max(z, 0) - z y + log(1 + exp(-|z|)).
  return tf.add(tf.sub(tf.relu(pred), tf.mul(pred, target)), tf.log1p(tf.exp(tf.neg(tf.abs(pred)))));
}

/** Mean loss per task: [T]. Loss kinds may differ per task. */
export function taskLosses(kinds: readonly LossKind[], pred: tf.Tensor3D, target: tf.Tensor3D): tf.Tensor1D {
  return tf.tidy(() => {
    const uniform = kinds.every((k) => k === kinds[0]);
    if (uniform) return tf.mean(elementLoss(kinds[0] ?? 'mse', pred, target), [1, 2]) as tf.Tensor1D;
    const rows = kinds.map((kind, t) => {
      const p = tf.slice(pred, [t, 0, 0], [1, -1, -1]) as tf.Tensor3D;
      const y = tf.slice(target, [t, 0, 0], [1, -1, -1]) as tf.Tensor3D;
      return tf.mean(elementLoss(kind, p, y));
    });
    return tf.stack(rows) as tf.Tensor1D;
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
        return tf.mean(
          elementLoss(loss, pred.expandDims(0) as tf.Tensor3D, target.expandDims(0) as tf.Tensor3D),
        );
    }
  });
}
