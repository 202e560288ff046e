/**
 * The loss and metric kinds a task declares, and how each metric reads (label, direction). Pure data: the
 * suites and the page use it; the tensor code that computes them is train/losses.ts.
 */

export type LossKind = 'mse' | 'bce-logits';
export type MetricKind = 'accuracy' | 'r2' | 'mse' | 'loss';

export const METRICS: Record<MetricKind, { label: string; higherIsBetter: boolean }> = {
  accuracy: { label: 'accuracy', higherIsBetter: true },
  r2: { label: 'R²', higherIsBetter: true },
  mse: { label: 'MSE', higherIsBetter: false },
  loss: { label: 'loss', higherIsBetter: false },
};
