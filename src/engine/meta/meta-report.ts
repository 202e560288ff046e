/**
 * A meta-learning run's Report: one task, "a random sine". Its test loss and R² are the held-out sines'
 * WITHOUT adaptation (k = 0: the same meaning as a joint run's test split), its training loss the
 * meta-training loss (query MSE after the inner steps); the adaptation story is in `meta`.
 */
import type { SineTask } from '../tasks/sine-family';
import type { Report } from '../train/report';
import type { MetaReport } from './report-types';

/** Variance of every held-out sine's curve pooled: R² = 1 − MSE / this. */
export function pooledVariance(sines: readonly SineTask[]): number {
  const ys = sines.flatMap((s) => Array.from(s.queryY));
  const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
  return ys.reduce((a, b) => a + (b - mean) ** 2, 0) / ys.length;
}

export function metaReport(parts: {
  step: number;
  learner: string;
  /** Mean meta-training loss since the last report; null before any step. */
  metaTrainLoss: number | null;
  targetVariance: number | null;
  gradNorm: number;
  heldOut: readonly SineTask[];
  adaptation: Omit<MetaReport, 'learner' | 'metaTrainLoss'>;
}): Report {
  const { adaptation } = parts;
  const testLoss = adaptation.lossAfterSteps[0] as number;
  const testMetric = 1 - testLoss / pooledVariance(parts.heldOut);
  const trainLoss = parts.metaTrainLoss ?? testLoss;
  const trainMetric =
    parts.metaTrainLoss !== null && parts.targetVariance
      ? 1 - parts.metaTrainLoss / parts.targetVariance
      : testMetric;
  return {
    step: parts.step,
    tasks: [{ name: 'a random sine', trainLoss, testLoss, trainMetric, testMetric }],
    weights: [1],
    gradients: { norms: [parts.gradNorm], cosine: [[1]], conflictShare: 0, layers: [] },
    health: [],
    meta: {
      learner: parts.learner,
      ...(parts.metaTrainLoss !== null ? { metaTrainLoss: parts.metaTrainLoss } : {}),
      ...adaptation,
    },
  };
}
