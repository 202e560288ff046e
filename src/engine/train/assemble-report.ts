/** Turn the one readback of a report into the plain-JSON `Report` (averaging over replicas). */
import { conflictShare } from '../metrics/gradient-stats';
import { toRows } from '../metrics/readback';
import type { PointReport, Report } from './report';

export interface ReportValues {
  trainLoss: Float32Array; // [R, T]
  testLoss: Float32Array; // [R, T]
  trainMetric: Float32Array; // [T]
  testMetric: Float32Array; // [T]
  norms: Float32Array; // [R, T]
  cosine: Float32Array; // [R, T, T]
  weights: Float32Array; // [R, T]
  /** [R, P], read back for objective suites only (their θ is the trajectory the app draws). */
  theta?: Float32Array;
  [layer: `layer${number}`]: Float32Array; // [R, T, T]
  [layerNorm: `layerNorm${number}`]: Float32Array; // [R, T]
}

/** Mean over replicas of a row-major [R, ...inner] block. */
function replicaMean(values: Float32Array, replicas: number): number[] {
  const inner = values.length / replicas;
  return Array.from({ length: inner }, (_, i) => {
    let sum = 0;
    for (let r = 0; r < replicas; r++) sum += values[r * inner + i] ?? 0;
    return sum / replicas;
  });
}

const matrix = (flat: number[], size: number): number[][] => toRows(Float32Array.from(flat), size, size);

/** The replica mean of a row-major [R, T, T] block, as T rows. */
export const replicaMatrix = (values: Float32Array, replicas: number, size: number): number[][] =>
  matrix(replicaMean(values, replicas), size);

export function assembleReport(
  step: number,
  v: ReportValues,
  meta: { taskNames: string[]; replicas: number; layerNames: string[]; objective: boolean },
): Report {
  const { replicas: R, taskNames } = meta;
  const T = taskNames.length;
  const trainLoss = replicaMean(v.trainLoss, R);
  const testLoss = replicaMean(v.testLoss, R);
  const cosine = matrix(replicaMean(v.cosine, R), T);
  const report: Report = {
    step,
    tasks: taskNames.map((name, t) => ({
      name,
      trainLoss: trainLoss[t] ?? NaN,
      testLoss: testLoss[t] ?? NaN,
      trainMetric: v.trainMetric[t] ?? NaN,
      testMetric: v.testMetric[t] ?? NaN,
    })),
    weights: replicaMean(v.weights, R),
    gradients: {
      norms: replicaMean(v.norms, R),
      cosine,
      conflictShare: conflictShare(cosine),
      layers: meta.layerNames.map((layer, l) => ({
        layer,
        cosine: matrix(replicaMean(v[`layer${l}`] ?? new Float32Array(R * T * T), R), T),
        ...(v[`layerNorm${l}`] ? { norms: replicaMean(v[`layerNorm${l}`] as Float32Array, R) } : {}),
      })),
    },
    // The trainer's TrainingHealth fills this in: it needs the history of reports.
    health: [],
  };
  const theta = meta.objective ? v.theta : undefined;
  if (theta) {
    const dim = theta.length / R;
    report.points = Array.from({ length: R }, (_, r): PointReport => ({
      theta: Array.from(theta.subarray(r * dim, (r + 1) * dim)),
      losses: Array.from(v.testLoss.subarray(r * T, (r + 1) * T)),
      weights: Array.from(v.weights.subarray(r * T, (r + 1) * T)),
      cosine: toRows(v.cosine.subarray(r * T * T, (r + 1) * T * T), T, T),
    }));
  }
  return report;
}
