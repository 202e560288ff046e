/**
 * Shared helpers for data suites. A suite describes its tasks as a `SampleGenerator` (draw inputs; label
 * them for one task); the helpers here turn that into `TaskSplit`s. Shared inputs label one draw of inputs
 * for every task; the separate-inputs mode (LibMTL's multi-input) draws each task its own inputs from the
 * same generator, so a suite gets it by exposing a `mode` parameter and calling `separateSplit` instead.
 */
import type { Rng } from '../random/rng';
import { int } from '../params/spec';
import type { TaskSplit } from './types';

export interface SampleGenerator {
  numTasks: number;
  inputDim: number;
  outputDim: number;
  /** `count` inputs, row-major [count, inputDim]. */
  inputs(count: number, rng: Rng): Float32Array;
  /**
   * Task `task`'s targets for inputs x [count, inputDim], row-major [count, outputDim]. Label noise comes
   * from `rng`, one stream per task, so that adding a task does not change the others' labels.
   */
  labels(task: number, x: Float32Array, count: number, rng: Rng): Float32Array;
}

/** One draw of inputs labelled for every task: x [N, D], y [N, T, O]. */
export function sharedSplit(gen: SampleGenerator, count: number, rng: Rng): TaskSplit {
  const { numTasks: T, outputDim: O } = gen;
  const x = gen.inputs(count, rng.fork('inputs'));
  const y = new Float32Array(count * T * O);
  for (let t = 0; t < T; t++) {
    const yt = gen.labels(t, x, count, rng.fork(`labels/${t}`));
    for (let n = 0; n < count; n++) {
      for (let o = 0; o < O; o++) y[(n * T + t) * O + o] = yt[n * O + o] as number;
    }
  }
  return { mode: 'shared', count, x, y };
}

/** Each task its own inputs and count: x[t] [N_t, D], y[t] [N_t, O]. */
export function separateSplit(gen: SampleGenerator, counts: readonly number[], rng: Rng): TaskSplit {
  const x: Float32Array[] = [];
  const y: Float32Array[] = [];
  counts.forEach((count, t) => {
    const xt = gen.inputs(count, rng.fork(`inputs/${t}`));
    x.push(xt);
    y.push(gen.labels(t, xt, count, rng.fork(`labels/${t}`)));
  });
  return { mode: 'separate', counts: [...counts], x, y };
}

/** Train and test splits from independent streams, so that changing the test size leaves train alone. */
export function sharedSplits(
  gen: SampleGenerator,
  sizes: { trainSamples: number; testSamples: number },
  rng: Rng,
): { train: TaskSplit; test: TaskSplit } {
  return {
    train: sharedSplit(gen, sizes.trainSamples, rng.fork('train')),
    test: sharedSplit(gen, sizes.testSamples, rng.fork('test')),
  };
}

/**
 * Standardise every target column (task × output, `columns` = T·O) of shared splits in place with the train
 * split's mean and std (test uses the train statistics, as a practitioner would), so that typical learning
 * rates work whatever the label scale. Returns the statistics per column.
 */
export function standardizeShared(
  train: TaskSplit,
  test: TaskSplit,
  columns: number,
): { mean: number; std: number }[] {
  if (train.mode !== 'shared' || test.mode !== 'shared')
    throw new Error('standardizeShared: shared splits only');
  const stats: { mean: number; std: number }[] = [];
  for (let t = 0; t < columns; t++) {
    let sum = 0;
    let sumSq = 0;
    for (let n = 0; n < train.count; n++) {
      const v = train.y[n * columns + t] as number;
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / train.count;
    const std = Math.sqrt(Math.max(sumSq / train.count - mean * mean, 0)) || 1;
    for (const split of [train, test]) {
      for (let n = 0; n < split.count; n++) {
        const i = n * columns + t;
        split.y[i] = ((split.y[i] as number) - mean) / std;
      }
    }
    stats.push({ mean, std });
  }
  return stats;
}

/** Standard train/test size parameters, the same in every data suite. */
export const sampleParams = (trainDefault: number, testDefault: number) => ({
  trainSamples: int({
    label: 'train samples',
    help: 'Number of training samples per task. Fewer samples make overfitting, and the regularising effect of sharing, visible.',
    default: trainDefault,
    min: 16,
    max: 50_000,
    scale: 'log',
  }),
  testSamples: int({
    label: 'test samples',
    help: 'Number of held-out samples on which test metrics are computed; drawn independently of the training samples.',
    default: testDefault,
    min: 16,
    max: 50_000,
    scale: 'log',
  }),
});
