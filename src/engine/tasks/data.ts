/**
 * Shared helpers for data suites. A suite describes its tasks as a `SampleGenerator` (draw inputs; label
 * them for one task); the helpers here turn that into `TaskSplit`s. Shared inputs label one draw of inputs
 * for every task; separate inputs (LibMTL's multi-input mode) draw each task its own inputs from the same
 * generator. data-specs.ts builds on these: the per-suite parameters that choose between them and add noise.
 */
import type { Rng } from '../random/rng';
import { int } from '../params/spec';
import type { DataSuiteInstance, TaskSplit } from './types';

/** What a task's targets are, which decides what label noise means for it. */
export type TargetKind = 'regression' | 'binary' | 'classes';

export interface SampleGenerator {
  numTasks: number;
  inputDim: number;
  outputDim: number;
  /** Real-valued targets, 0/1 labels of a binary classification, or one-hot rows of a class label. */
  targets: TargetKind;
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

/**
 * Each task its own inputs and count: x[t] [N_t, D], y[t] [N_t, O]. Task t's streams are named by t alone,
 * so its samples do not depend on the other tasks' counts.
 */
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

/** Number of samples task t has in a split. */
export const taskCount = (split: TaskSplit, t: number): number =>
  split.mode === 'shared' ? split.count : (split.counts[t] ?? 0);

/** A copy of task t's targets [N_t, O], whatever the split's layout. */
export function taskTargets(split: TaskSplit, t: number, numTasks: number, outputDim: number): Float32Array {
  if (split.mode === 'separate') return Float32Array.from(split.y[t] ?? []);
  const out = new Float32Array(split.count * outputDim);
  for (let n = 0; n < split.count; n++) {
    for (let o = 0; o < outputDim; o++)
      out[n * outputDim + o] = split.y[(n * numTasks + t) * outputDim + o] as number;
  }
  return out;
}

/** Write task t's targets [N_t, O] back into the split (the inverse of `taskTargets`). */
export function setTaskTargets(
  split: TaskSplit,
  t: number,
  numTasks: number,
  outputDim: number,
  values: Float32Array,
): void {
  if (split.mode === 'separate') {
    (split.y[t] as Float32Array).set(values);
    return;
  }
  for (let n = 0; n < split.count; n++) {
    for (let o = 0; o < outputDim; o++)
      split.y[(n * numTasks + t) * outputDim + o] = values[n * outputDim + o] as number;
  }
}

/**
 * Standardise every target column (task × output) in place with the train split's mean and std (test uses
 * the train statistics, as a practitioner would), so that typical learning rates work whatever the label
 * scale. Works for both layouts: with separate inputs each task's statistics come from its own train
 * samples. Returns the statistics per column, task-major.
 */
export function standardizeTargets(
  train: TaskSplit,
  test: TaskSplit,
  numTasks: number,
  outputDim: number,
): { mean: number; std: number }[] {
  const stats: { mean: number; std: number }[] = [];
  for (let t = 0; t < numTasks; t++) {
    const yTrain = taskTargets(train, t, numTasks, outputDim);
    const yTest = taskTargets(test, t, numTasks, outputDim);
    const count = taskCount(train, t);
    for (let o = 0; o < outputDim; o++) {
      let sum = 0;
      let sumSq = 0;
      for (let n = 0; n < count; n++) {
        const v = yTrain[n * outputDim + o] as number;
        sum += v;
        sumSq += v * v;
      }
      const mean = sum / count;
      const std = Math.sqrt(Math.max(sumSq / count - mean * mean, 0)) || 1;
      for (const y of [yTrain, yTest]) {
        for (let i = o; i < y.length; i += outputDim) y[i] = ((y[i] as number) - mean) / std;
      }
      stats.push({ mean, std });
    }
    setTaskTargets(train, t, numTasks, outputDim, yTrain);
    setTaskTargets(test, t, numTasks, outputDim, yTest);
  }
  return stats;
}

/** Standard train/test size parameters, the same in every data suite. */
export const sampleParams = (trainDefault: number, testDefault: number) => ({
  trainSamples: int({
    label: 'train samples',
    help: 'Number of training samples (per task with separate inputs, unless train samples per task lists them). Fewer samples make overfitting, and the regularising effect of sharing, visible.',
    default: trainDefault,
    min: 16,
    max: 50_000,
    scale: 'log',
  }),
  testSamples: int({
    label: 'test samples',
    help: 'Number of held-out samples (per task with separate inputs) on which test metrics are computed; drawn independently of the training samples and never noised.',
    default: testDefault,
    min: 16,
    max: 50_000,
    scale: 'log',
  }),
});

/**
 * A regression suite's instance over standard-normal inputs (one output per task, MSE and R²): the task
 * names, the splits, and ±3 std per input as the box a plot would show (the inputs are unbounded).
 */
export function gaussianRegression(
  names: readonly string[],
  inputDim: number,
  splits: { train: TaskSplit; test: TaskSplit },
): DataSuiteInstance {
  return {
    kind: 'data',
    tasks: names.map((name) => ({ name, loss: 'mse', metric: 'r2' })),
    inputDim,
    outputDim: 1,
    ...splits,
    inputBounds: Array.from({ length: inputDim }, (): [number, number] => [-3, 3]),
  };
}
