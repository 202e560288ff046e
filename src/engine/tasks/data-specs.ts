/**
 * The data parameters every data suite shares, and the one builder that honours them:
 * - `inputs`: 'shared' (every sample labelled for every task, as in MultiMNIST, Sener & Koltun, NeurIPS
 *   2018) or 'separate' (each task draws its own samples from the same generator, as in LibMTL's
 *   multi-input mode, Lin & Zhang, JMLR 2023: one dataloader per task);
 * - `trainSamplesPerTask`: with separate inputs, each task's own train count (imbalance);
 * - `labelNoise` and `corruptFraction`: per task, noise on that task's TRAIN targets only. Test targets stay
 *   clean, so the test loss shows what a noisy task costs itself and the tasks it shares a network with.
 * Corruption follows the "partially corrupted labels" of Zhang et al., "Understanding deep learning requires
 * rethinking generalization", ICLR 2017, with one change: a corrupted label is the label of a random other
 * sample of the same task (their random-labels variant draws a uniform class), so it is pure noise with
 * respect to the input while the label distribution, which a regression target has no uniform version of,
 * stays the same. Exactly round(f·N) samples are corrupted (not each with probability f), and both
 * corrupted and flipped sets grow nested as the fraction grows (the first k of one permutation).
 * Order: corrupt (from the clean labels), then add label noise, then the suite may standardise.
 */
import { checkPerTaskLength, choice, numList, type ConfigIssue } from '../params/spec';
import type { Rng } from '../random/rng';
import {
  sampleParams,
  separateSplit,
  setTaskTargets,
  sharedSplit,
  taskCount,
  taskTargets,
  type SampleGenerator,
  type TargetKind,
} from './data';
import type { TaskSplit } from './types';

export const INPUT_MODES = ['shared', 'separate'] as const;
export type InputMode = (typeof INPUT_MODES)[number];

/** Most tasks any data suite offers: the longest per-task list accepted. */
const MAX_TASKS = 8;

/** The shared parameter block, spread into a data suite's params; label-noise range by target kind. */
export function dataSpecs(targets: TargetKind, sizes: { train: number; test: number }) {
  return {
    inputs: choice({
      label: 'inputs',
      help: "shared: every sample is labelled for every task (as in MultiMNIST). separate: each task draws its own samples, with its own count and noise (LibMTL's multi-input mode); tasks then share only the network.",
      options: INPUT_MODES,
      default: 'shared',
    }),
    ...sampleParams(sizes.train, sizes.test),
    trainSamplesPerTask: numList({
      label: 'train samples per task',
      help: 'Separate inputs only: one training-set size per task, e.g. 20, 2000 for an imbalance of two orders of magnitude. Empty: every task gets train samples. The batch size may not exceed the smallest.',
      default: [],
      min: 16,
      max: 50_000,
      integer: true,
      minLength: 0,
      maxLength: MAX_TASKS,
    }),
    labelNoise: numList(
      targets === 'classes'
        ? {
            label: 'label noise',
            help: 'Per task, the fraction of its training labels replaced by a random other class (with C classes, (C−1)/C is pure noise). Test labels stay clean, so the test loss shows the harm. Empty: no noise.',
            default: [],
            min: 0,
            max: 1,
            minLength: 0,
            maxLength: MAX_TASKS,
          }
        : targets === 'binary'
          ? {
              label: 'label noise',
              help: 'Per task, the fraction of its training labels flipped (0.5: pure noise). Test labels stay clean, so the test loss shows the harm. Empty: no noise.',
              default: [],
              min: 0,
              max: 0.5,
              minLength: 0,
              maxLength: MAX_TASKS,
            }
          : {
              label: 'label noise std',
              help: 'Per task, the std of Gaussian noise added to its training targets (in label units, before any standardisation). Test targets stay clean, so the test loss shows the harm. Empty: no noise.',
              default: [],
              min: 0,
              max: 10,
              minLength: 0,
              maxLength: MAX_TASKS,
            },
    ),
    corruptFraction: numList({
      label: 'corrupt fraction',
      help: 'Per task, the fraction of its training samples whose label is replaced by the label of a random other sample: pure noise. Test labels stay clean. Empty: none corrupted.',
      default: [],
      min: 0,
      max: 1,
      minLength: 0,
      maxLength: MAX_TASKS,
    }),
  };
}

/** The validated values of the block. */
export interface DataParams {
  inputs: InputMode;
  trainSamples: number;
  testSamples: number;
  trainSamplesPerTask: number[];
  labelNoise: number[];
  corruptFraction: number[];
}

/** Cross-field checks of the block: per-task list lengths; counts per task only with separate inputs. */
export function checkDataParams(p: DataParams, numTasks: number): ConfigIssue[] {
  const counts = p.trainSamplesPerTask;
  const countIssues =
    p.inputs === 'shared' && counts.length > 0
      ? [
          {
            path: 'trainSamplesPerTask',
            message: `only used with inputs 'separate' (shared inputs give every task the same samples): expected an empty list, got ${counts.length} values`,
          },
        ]
      : checkPerTaskLength(counts, 'trainSamplesPerTask', numTasks, true);
  return [
    ...countIssues,
    ...checkPerTaskLength(p.labelNoise, 'labelNoise', numTasks, true),
    ...checkPerTaskLength(p.corruptFraction, 'corruptFraction', numTasks, true),
  ];
}

/**
 * Train and test splits of a generator as the block says. Train and test come from independent streams (so
 * changing the test size leaves train alone), and corruption and noise from per-task streams of their own
 * (so noising one task leaves the others' labels, and every input, unchanged). A suite whose test samples
 * must come from other raw data than its train samples (MultiMNIST's disjoint digits) passes two generators.
 */
export function buildSplits(
  generators: SampleGenerator | { train: SampleGenerator; test: SampleGenerator },
  p: DataParams,
  rng: Rng,
): { train: TaskSplit; test: TaskSplit } {
  const [gen, testGen] =
    'train' in generators ? [generators.train, generators.test] : [generators, generators];
  const T = gen.numTasks;
  const trainRng = rng.fork('train');
  const testRng = rng.fork('test');
  let train: TaskSplit;
  let test: TaskSplit;
  if (p.inputs === 'shared') {
    train = sharedSplit(gen, p.trainSamples, trainRng);
    test = sharedSplit(testGen, p.testSamples, testRng);
  } else {
    const counts = p.trainSamplesPerTask.length
      ? p.trainSamplesPerTask
      : Array.from({ length: T }, () => p.trainSamples);
    train = separateSplit(gen, counts, trainRng);
    test = separateSplit(
      testGen,
      Array.from({ length: T }, () => p.testSamples),
      testRng,
    );
  }
  for (let t = 0; t < T; t++) {
    const corrupt = p.corruptFraction[t] ?? 0;
    const noise = p.labelNoise[t] ?? 0;
    if (corrupt === 0 && noise === 0) continue;
    const y = taskTargets(train, t, T, gen.outputDim);
    const count = taskCount(train, t);
    if (corrupt > 0) corruptTargets(y, count, gen.outputDim, corrupt, trainRng.fork(`corrupt/${t}`));
    if (noise > 0) noiseTargets(y, count, gen.outputDim, gen.targets, noise, trainRng.fork(`noise/${t}`));
    setTaskTargets(train, t, T, gen.outputDim, y);
  }
  return { train, test };
}

/** The first round(fraction·count) indices of a random permutation: nested as the fraction grows. */
function chosen(count: number, fraction: number, rng: Rng): number[] {
  return rng.permutation(count).slice(0, Math.round(fraction * count));
}

/** Replace round(f·N) rows of y [N, O] by the clean row of a random other sample. */
export function corruptTargets(
  y: Float32Array,
  count: number,
  outputDim: number,
  fraction: number,
  rng: Rng,
): void {
  if (count < 2) return; // no other sample to take a label from
  const clean = Float32Array.from(y);
  for (const n of chosen(count, fraction, rng)) {
    const draw = rng.int(count - 1);
    const other = draw >= n ? draw + 1 : draw; // uniform over the count - 1 other samples
    y.set(clean.subarray(other * outputDim, (other + 1) * outputDim), n * outputDim);
  }
}

/**
 * Regression: add N(0, level²) to every target. Binary: flip round(level·N) labels chosen at random.
 * Classes: give round(level·N) samples chosen at random a uniformly drawn other class (one-hot rows).
 */
export function noiseTargets(
  y: Float32Array,
  count: number,
  outputDim: number,
  targets: TargetKind,
  level: number,
  rng: Rng,
): void {
  if (targets === 'regression') {
    for (let i = 0; i < count * outputDim; i++) y[i] = (y[i] as number) + rng.normal(0, level);
    return;
  }
  for (const n of chosen(count, level, rng)) {
    const row = y.subarray(n * outputDim, (n + 1) * outputDim);
    if (targets === 'binary') {
      for (let o = 0; o < outputDim; o++) row[o] = 1 - (row[o] as number);
      continue;
    }
    if (outputDim < 2) continue; // one class has no other
    const current = row.indexOf(Math.max(...row));
    const draw = rng.int(outputDim - 1);
    row.fill(0);
    row[draw >= current ? draw + 1 : draw] = 1;
  }
}
