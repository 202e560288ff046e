/**
 * The loss and metric kinds a task declares, and how each metric reads (label, direction). Pure data: the
 * suites and the page use it; the tensor code that computes them is train/losses.ts.
 */

/**
 * mse: mean squared error over the outputs. bce-logits: binary cross-entropy on logits, averaged over the
 * outputs. softmax-ce: cross-entropy of the softmax over a task's O logits against a one-hot target (one
 * class per sample, as in MultiMNIST), −log softmax(z)_y per sample, summed over the outputs, not averaged.
 */
export type LossKind = 'mse' | 'bce-logits' | 'softmax-ce';
export type MetricKind = 'accuracy' | 'r2' | 'mse' | 'loss';

export const METRICS: Record<MetricKind, { label: string; higherIsBetter: boolean }> = {
  accuracy: { label: 'accuracy', higherIsBetter: true },
  r2: { label: 'R²', higherIsBetter: true },
  mse: { label: 'MSE', higherIsBetter: false },
  loss: { label: 'loss', higherIsBetter: false },
};

/**
 * The metric value at or below which a task counts as at chance (training-health.ts), or undefined where a
 * metric has none (MSE, loss). A constant prediction scores about 0.5 accuracy on the binary tasks here
 * (every playground pattern splits the box in half; measured 0.45–0.55), 1/C on C balanced classes, and
 * R² ≤ 0; the margins above those let a collapsed net's noise pass as chance and a learning one not.
 */
export function chanceLevel(task: {
  loss: LossKind;
  metric: MetricKind;
  classes?: number;
}): number | undefined {
  if (task.metric === 'r2') return 0.05;
  if (task.metric !== 'accuracy') return undefined;
  return task.loss === 'softmax-ce' && task.classes ? Math.min(0.6, 1.5 / task.classes) : 0.6;
}
