import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultParams, type AnyParams } from '../params/spec';
import { Rng } from '../random/rng';
import { findTaskSuite, TASK_SUITES } from './registry';
import type { DataSuiteInstance, TaskSplit } from './types';

/** Small sizes keep the contract loop fast; defaults otherwise. */
function smallParams(params: AnyParams): AnyParams {
  const out = { ...params };
  if ('trainSamples' in out) out.trainSamples = 200;
  if ('testSamples' in out) out.testSamples = 100;
  return out;
}

function buildData(id: string, seed: number): { inst: DataSuiteInstance; params: AnyParams } {
  const suite = findTaskSuite(id)!;
  const params = smallParams(defaultParams(suite.params));
  const inst = suite.build(params, new Rng(seed));
  if (inst.kind !== 'data') throw new Error(`${id} is not a data suite`);
  return { inst, params };
}

function sharedArrays(split: TaskSplit): { x: Float32Array; y: Float32Array; count: number } {
  if (split.mode !== 'shared') throw new Error('expected shared inputs');
  return split;
}

describe('task suite registry', () => {
  it('unique lowercase ids, each found by its id', () => {
    expect(new Set(TASK_SUITES.map((s) => s.id)).size).toBe(TASK_SUITES.length);
    for (const s of TASK_SUITES) {
      expect(s.id).toMatch(/^[a-z0-9-]+$/);
      expect(findTaskSuite(s.id)).toBe(s);
    }
    expect(findTaskSuite('nope')).toBeUndefined();
  });

  it.each(TASK_SUITES.map((s) => [s.id, s] as const))(
    '%s: documented params, valid defaults',
    (_id, suite) => {
      expect(suite.citation.length).toBeGreaterThan(10);
      for (const [key, spec] of Object.entries(suite.params)) {
        expect(spec.label, key).not.toBe('');
        expect(spec.help.length, key).toBeGreaterThan(20);
      }
      const params = defaultParams(suite.params);
      expect(suite.check?.(params) ?? []).toEqual([]);
      const inst = suite.build(params, new Rng(3));
      expect(inst.kind).toBe(suite.kind);
      expect(inst.tasks).toHaveLength(suite.numTasks(params));
    },
  );
});

describe.each(TASK_SUITES.map((s) => [s.id, s] as const))('%s: declared views', (_id, suite) => {
  it('a decision boundary covers every sample; a landscape draws the losses the run trains', () => {
    for (const inputs of ['shared', 'separate']) {
      const params = smallParams({
        ...defaultParams(suite.params),
        // The shared/separate switch of dataSpecs (the csv suite's `inputs` are its input columns).
        ...(suite.params.inputs?.kind === 'enum' && { inputs }),
      });
      const inst = suite.build(params, new Rng(4));
      for (const view of suite.views?.(params) ?? []) {
        if (view.kind === 'decision-boundary') {
          if (inst.kind !== 'data') throw new Error('a decision boundary needs a data suite');
          expect(inst.inputDim).toBe(2);
          expect(view.bounds).toEqual(inst.inputBounds);
          expect(view.gridSize).toBeGreaterThan(1);
          const [[x0, x1], [y0, y1]] = view.bounds;
          for (const split of [inst.train, inst.test]) {
            for (const x of split.mode === 'shared' ? [split.x] : split.x) {
              for (let n = 0; n < x.length; n += 2) {
                expect(x[n]).toBeGreaterThanOrEqual(x0);
                expect(x[n]).toBeLessThanOrEqual(x1);
                expect(x[n + 1]).toBeGreaterThanOrEqual(y0);
                expect(x[n + 1]).toBeLessThanOrEqual(y1);
              }
            }
          }
        }
        if (view.kind === 'landscape') {
          if (inst.kind !== 'objective') throw new Error('a landscape needs an objective suite');
          expect(inst.dim).toBe(2);
          expect(view.bounds).toEqual(inst.bounds);
          // The float64 picture and the tensor losses agree at every start point.
          const tensor = tf.tidy(() => inst.losses(tf, tf.tensor3d(inst.starts.map((p) => [p]))).arraySync());
          inst.starts.forEach(([a = NaN, b = NaN], r) =>
            view.losses(a, b).forEach((l, t) => {
              const got = tensor[r]?.[t] ?? NaN;
              expect(Math.abs(l - got)).toBeLessThan(1e-4 * (1 + Math.abs(l)));
            }),
          );
        }
      }
    }
  });
});

const DATA_IDS = TASK_SUITES.filter((s) => s.kind === 'data').map((s) => s.id);

describe.each(DATA_IDS)('data suite %s', (id) => {
  it('splits have the documented shapes and finite values', () => {
    const { inst, params } = buildData(id, 7);
    const T = inst.tasks.length;
    for (const [split, n] of [
      [inst.train, params.trainSamples],
      [inst.test, params.testSamples],
    ] as const) {
      const { x, y, count } = sharedArrays(split);
      // A suite that reads a file (csv) has no sample counts: its rows decide.
      if (typeof n === 'number') expect(count).toBe(n);
      expect(x.length).toBe(count * inst.inputDim);
      expect(y.length).toBe(count * T * inst.outputDim);
      expect(x.every(Number.isFinite)).toBe(true);
      expect(y.every(Number.isFinite)).toBe(true);
    }
    expect(inst.inputBounds).toHaveLength(inst.inputDim);
  });

  it('is deterministic under a seed and changes with it', () => {
    const a = buildData(id, 11).inst;
    const b = buildData(id, 11).inst;
    const c = buildData(id, 12).inst;
    expect(sharedArrays(b.train).x).toEqual(sharedArrays(a.train).x);
    expect(sharedArrays(b.train).y).toEqual(sharedArrays(a.train).y);
    expect(sharedArrays(b.test).y).toEqual(sharedArrays(a.test).y);
    expect(sharedArrays(c.train).x).not.toEqual(sharedArrays(a.train).x);
    expect(sharedArrays(c.train).y).not.toEqual(sharedArrays(a.train).y);
  });

  it('train and test samples differ', () => {
    const { inst } = buildData(id, 5);
    const train = sharedArrays(inst.train).x;
    const test = sharedArrays(inst.test).x;
    // The first few samples, whole (an image's first pixels are background in every sample).
    const first = (x: Float32Array) => Array.from(x.subarray(0, 5 * inst.inputDim));
    expect(first(train)).not.toEqual(first(test));
  });

  it('builds without creating tensors', () => {
    const before = tf.memory().numTensors;
    buildData(id, 1);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe.each(TASK_SUITES.filter((s) => s.taskNames).map((s) => [s.id, s] as const))(
  '%s: task names without the data',
  (_id, suite) => {
    it('names the tasks as building them does (task counts, repeated patterns)', () => {
      const base = smallParams(defaultParams(suite.params));
      // Every task count it allows, or, for patterns, repeats too (their names carry their position).
      const variants: AnyParams[] =
        'numTasks' in base
          ? [1, 2, 3, 4, 6].map((numTasks) => ({ ...base, numTasks }))
          : 'patterns' in base
            ? [base, { ...base, patterns: ['xor', 'xor', 'gauss', 'xor'] }]
            : [base];
      for (const params of variants) {
        const built = suite.build(params, new Rng(7)).tasks.map((t) => t.name);
        expect(suite.taskNames?.(params)).toEqual(built);
      }
    });
  },
);
