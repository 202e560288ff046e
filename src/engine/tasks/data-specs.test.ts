import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import { defaultParams, type AnyParams } from '../params/spec';
import { Rng } from '../random/rng';
import { sharedSplit, taskTargets } from './data';
import { buildSplits, type DataParams } from './data-specs';
import { findTaskSuite, TASK_SUITES } from './registry';
import { sinusoidGenerator } from './sinusoids';
import type { DataSuiteInstance, TaskSplit } from './types';

function build(id: string, overrides: AnyParams, seed = 5): DataSuiteInstance {
  const suite = findTaskSuite(id)!;
  const params = { ...defaultParams(suite.params), testSamples: 200, ...overrides };
  expect(suite.check?.(params) ?? []).toEqual([]);
  const inst = suite.build(params, new Rng(seed));
  if (inst.kind !== 'data') throw new Error(`${id} is not a data suite`);
  return inst;
}

function separate(split: TaskSplit) {
  if (split.mode !== 'separate') throw new Error('expected separate inputs');
  return split;
}

function shared(split: TaskSplit) {
  if (split.mode !== 'shared') throw new Error('expected shared inputs');
  return split;
}

/** Task t's train (or test) targets of an instance with one output. */
const targets = (inst: DataSuiteInstance, t: number, which: 'train' | 'test' = 'train') =>
  Array.from(taskTargets(inst[which], t, inst.tasks.length, inst.outputDim));

function meanStd(v: number[]): { mean: number; std: number } {
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  return { mean, std: Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length) };
}

function issuesOf(raw: unknown): string[] {
  try {
    parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

// The suites with the dataSpecs block (its `inputs` is the shared/separate switch; the csv suite's `inputs`
// are its input columns, and its rows come from a file: no sample counts, no noise block; the sine family
// is one pooled task of sampled sines whose own parameters say how many, for meta-learning).
const WITHOUT_DATA_BLOCK = ['csv', 'sine-family'];
const DATA_IDS = TASK_SUITES.filter((s) => s.params.inputs?.kind === 'enum').map((s) => s.id);

describe('shared data parameters', () => {
  it('every data suite has them (an objective suite does not), shared by default, with 2 default tasks', () => {
    expect(DATA_IDS.length).toBeGreaterThan(0);
    expect(DATA_IDS).toEqual(
      TASK_SUITES.filter((s) => s.kind === 'data' && !WITHOUT_DATA_BLOCK.includes(s.id)).map((s) => s.id),
    );
    for (const id of DATA_IDS) {
      const suite = findTaskSuite(id)!;
      expect(suite.params.inputs?.default).toBe('shared');
      // The tests below give two per-task values (counts, noise levels).
      expect(suite.numTasks(defaultParams(suite.params))).toBe(2);
    }
  });

  it('shared inputs without noise draw exactly what sharedSplit draws (old configs keep their data)', () => {
    const gen = sinusoidGenerator(2, 0.5, 1, 0.05);
    const p: DataParams = {
      inputs: 'shared',
      trainSamples: 300,
      testSamples: 100,
      trainSamplesPerTask: [],
      labelNoise: [],
      corruptFraction: [],
    };
    const rng = new Rng(3);
    const { train, test } = buildSplits(gen, p, rng);
    expect(train).toEqual(sharedSplit(gen, 300, rng.fork('train')));
    expect(test).toEqual(sharedSplit(gen, 100, rng.fork('test')));
  });
});

describe.each(DATA_IDS)('%s with separate inputs', (id) => {
  const imbalanced = { inputs: 'separate', trainSamplesPerTask: [20, 2000] };

  it('gives each task its own count ([20, 2000]) and its own inputs', () => {
    const inst = build(id, imbalanced);
    const train = separate(inst.train);
    const test = separate(inst.test);
    expect(train.counts).toEqual([20, 2000]);
    expect(train.x.map((x) => x.length)).toEqual([20 * inst.inputDim, 2000 * inst.inputDim]);
    expect(train.y.map((y) => y.length)).toEqual([20 * inst.outputDim, 2000 * inst.outputDim]);
    expect(test.counts).toEqual([200, 200]);
    expect(Array.from(train.x[0]!)).not.toEqual(Array.from(train.x[1]!.subarray(0, 20 * inst.inputDim)));
    expect(Array.from(test.x[0]!)).not.toEqual(Array.from(test.x[1]!));
    for (const part of [...train.x, ...train.y, ...test.x, ...test.y])
      expect(part.every(Number.isFinite)).toBe(true);
  });

  it('empty counts give every task train samples', () => {
    expect(separate(build(id, { inputs: 'separate', trainSamples: 40 }).train).counts).toEqual([40, 40]);
  });

  it("a task's samples do not depend on the other task's count", () => {
    const a = separate(build(id, imbalanced).train);
    const b = separate(build(id, { ...imbalanced, trainSamplesPerTask: [20, 500] }).train);
    expect(b.x[0]).toEqual(a.x[0]);
    expect(b.y[0]).toEqual(a.y[0]);
  });

  it('is deterministic under a seed and changes with it, noise included', () => {
    const noisy = { ...imbalanced, labelNoise: [0.1, 0.2], corruptFraction: [0.5, 0.1] };
    const a = build(id, noisy, 8);
    const b = build(id, noisy, 8);
    const c = build(id, noisy, 9);
    expect(b.train).toEqual(a.train);
    expect(b.test).toEqual(a.test);
    expect(separate(c.train).x[1]).not.toEqual(separate(a.train).x[1]);
    expect(separate(c.train).y[0]).not.toEqual(separate(a.train).y[0]);
  });

  it('builds without creating tensors', () => {
    const before = tf.memory().numTensors;
    build(id, { ...imbalanced, labelNoise: [0.1, 0.1], corruptFraction: [0.2, 0.2] });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('label noise', () => {
  it.each(['shared', 'separate'])(
    'regression (%s inputs): adds noise of the stated std to the named task’s train targets only',
    (inputs) => {
      const base = { inputs, trainSamples: 5000 };
      const clean = build('sinusoids', base);
      const noisy = build('sinusoids', { ...base, labelNoise: [0, 0.3] });
      expect(noisy.test).toEqual(clean.test);
      expect(targets(noisy, 0)).toEqual(targets(clean, 0));
      const c1 = targets(clean, 1);
      const diff = targets(noisy, 1).map((v, n) => v - c1[n]!);
      const { mean, std } = meanStd(diff);
      // The std of a sample std over 5,000 draws is 0.3/√10,000 = 0.003.
      expect(std).toBeGreaterThan(0.285);
      expect(std).toBeLessThan(0.315);
      expect(Math.abs(mean)).toBeLessThan(0.015);
      if (inputs === 'shared') expect(shared(noisy.train).x).toEqual(shared(clean.train).x);
      else expect(separate(noisy.train).x).toEqual(separate(clean.train).x);
    },
  );

  it('regression on mmoe-synthetic: in label units, before standardisation', () => {
    const base = { inputs: 'separate', trainSamplesPerTask: [4000, 100], standardize: false };
    const clean = build('mmoe-synthetic', base);
    const noisy = build('mmoe-synthetic', { ...base, labelNoise: [0.5, 0] });
    const c0 = targets(clean, 0);
    const { std } = meanStd(targets(noisy, 0).map((v, n) => v - c0[n]!));
    expect(Math.abs(std - 0.5)).toBeLessThan(0.025); // 5 standard errors (0.5/√8,000)
    expect(targets(noisy, 1)).toEqual(targets(clean, 1));
    expect(noisy.test).toEqual(clean.test);
  });

  it('binary (separate inputs): flips round(level·N) of the named task’s train labels', () => {
    const base = { inputs: 'separate', trainSamplesPerTask: [200, 3000] };
    const clean = build('playground-2d', base);
    const noisy = build('playground-2d', { ...base, labelNoise: [0, 0.2] });
    expect(targets(noisy, 0)).toEqual(targets(clean, 0));
    const c1 = targets(clean, 1);
    expect(targets(noisy, 1).filter((v, n) => v !== c1[n]).length).toBe(600);
    expect(noisy.test).toEqual(clean.test);
  });
});

describe('corrupt fraction', () => {
  it('replaces exactly round(f·N) train labels of the named task by other samples’ labels', () => {
    const clean = build('sinusoids', { trainSamples: 1000 });
    const corrupt = build('sinusoids', { trainSamples: 1000, corruptFraction: [0, 0.25] });
    expect(targets(corrupt, 0)).toEqual(targets(clean, 0));
    expect(corrupt.test).toEqual(clean.test);
    const c1 = targets(clean, 1);
    const y1 = targets(corrupt, 1);
    const changed = y1.map((v, n) => (v !== c1[n] ? n : -1)).filter((n) => n >= 0);
    expect(changed).toHaveLength(250);
    // Each replacement is the clean label of another sample of the same task.
    for (const n of changed) {
      const source = c1.indexOf(y1[n]!);
      expect(source).toBeGreaterThanOrEqual(0);
      expect(source).not.toBe(n);
    }
    // Nested: the samples corrupted at 0.1 are among those corrupted at 0.25.
    const y10 = targets(build('sinusoids', { trainSamples: 1000, corruptFraction: [0, 0.1] }), 1);
    const changed10 = y10.map((v, n) => (v !== c1[n] ? n : -1)).filter((n) => n >= 0);
    expect(changed10).toHaveLength(100);
    expect(changed10.every((n) => changed.includes(n))).toBe(true);
  });

  it('with separate, imbalanced inputs: round(f·N) per task', () => {
    const base = { inputs: 'separate', trainSamplesPerTask: [20, 2000] };
    const clean = build('sinusoids', base);
    const corrupt = build('sinusoids', { ...base, corruptFraction: [0.5, 0.1] });
    [10, 200].forEach((expected, t) => {
      const c = targets(clean, t);
      expect(targets(corrupt, t).filter((v, n) => v !== c[n]).length).toBe(expected);
    });
    expect(corrupt.test).toEqual(clean.test);
  });

  it('fully corrupted labels are pure noise: uncorrelated with the clean labels of their inputs', () => {
    const clean = targets(build('sinusoids', { trainSamples: 5000 }), 0);
    const noise = targets(build('sinusoids', { trainSamples: 5000, corruptFraction: [1, 0] }), 0);
    const a = meanStd(clean);
    const b = meanStd(noise);
    let cov = 0;
    for (let n = 0; n < clean.length; n++) cov += (clean[n]! - a.mean) * (noise[n]! - b.mean);
    const corr = cov / clean.length / (a.std * b.std);
    expect(Math.abs(corr)).toBeLessThan(0.05); // 3.5 standard errors (1/√5,000)
    expect(b.std).toBeCloseTo(a.std, 1); // the label distribution is kept
  });
});

describe('mmoe-synthetic standardisation with separate inputs', () => {
  it('uses each task’s own train statistics, for train and test', () => {
    const base = { inputs: 'separate', trainSamplesPerTask: [100, 3000], labelNoise: [1, 0] };
    const raw = build('mmoe-synthetic', { ...base, standardize: false });
    const std = build('mmoe-synthetic', base);
    for (let t = 0; t < 2; t++) {
      const rawTrain = meanStd(targets(raw, t));
      const s = meanStd(targets(std, t));
      expect(s.mean).toBeCloseTo(0, 4);
      expect(s.std).toBeCloseTo(1, 4);
      const rawTest = targets(raw, t, 'test');
      targets(std, t, 'test').forEach((v, n) =>
        expect(v).toBeCloseTo((rawTest[n]! - rawTrain.mean) / rawTrain.std, 4),
      );
    }
  });
});

describe('validation', () => {
  const sinusoids = (params: AnyParams) => ({ task: { id: 'sinusoids', params } });

  it('names the field and the accepted values', () => {
    expect(issuesOf(sinusoids({ numTasks: 3, inputs: 'separate', trainSamplesPerTask: [50, 60] }))).toEqual([
      'task.params.trainSamplesPerTask: expected 3 values (one per task) or an empty list, got 2',
    ]);
    expect(issuesOf(sinusoids({ trainSamplesPerTask: [50, 60] }))).toEqual([
      "task.params.trainSamplesPerTask: only used with inputs 'separate' (shared inputs give every task the same samples): expected an empty list, got 2 values",
    ]);
    expect(issuesOf({ task: { id: 'playground-2d', params: { labelNoise: [0.1, 0.1, 0.1] } } })).toEqual([
      'task.params.labelNoise: expected 2 values (one per task) or an empty list, got 3',
    ]);
    expect(issuesOf(sinusoids({ corruptFraction: [0] }))).toEqual([
      'task.params.corruptFraction: expected 2 values (one per task) or an empty list, got 1',
    ]);
    expect(issuesOf(sinusoids({ corruptFraction: [0, 1.5] }))).toEqual([
      'task.params.corruptFraction[1]: expected a number from 0 to 1, got 1.5',
    ]);
    expect(issuesOf({ task: { id: 'playground-2d', params: { labelNoise: [0.7, 0] } } })).toEqual([
      'task.params.labelNoise[0]: expected a number from 0 to 0.5, got 0.7',
    ]);
    expect(issuesOf(sinusoids({ inputs: 'split' }))).toEqual([
      'task.params.inputs: expected one of shared, separate, got "split"',
    ]);
    expect(issuesOf(sinusoids({ inputs: 'separate', trainSamplesPerTask: [20.5, 100] }))).toEqual([
      'task.params.trainSamplesPerTask[0]: expected a whole number from 16 to 50000, got 20.5',
    ]);
  });

  it('playground-2d’s former scalar labelNoise is now a per-task list', () => {
    expect(issuesOf({ task: { id: 'playground-2d', params: { labelNoise: 0.1 } } })).toEqual([
      'task.params.labelNoise: expected a list of 0 to 8 numbers, got 0.1',
    ]);
  });
});
