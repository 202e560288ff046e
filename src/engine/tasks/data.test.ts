import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import {
  separateSplit,
  setTaskTargets,
  sharedSplit,
  standardizeTargets,
  taskTargets,
  type SampleGenerator,
} from './data';

/** Inputs 0, 1, 2, ... in order; task t's two outputs are 10t + x and -(10t + x). */
const counter: SampleGenerator = {
  numTasks: 3,
  inputDim: 1,
  outputDim: 2,
  targets: 'regression',
  inputs: (count, rng) => Float32Array.from({ length: count }, (_, i) => i + Math.floor(rng.next())),
  labels: (task, x, count) =>
    Float32Array.from({ length: count * 2 }, (_, i) => (i % 2 ? -1 : 1) * (10 * task + x[i >> 1]!)),
};

describe('data helpers', () => {
  it('sharedSplit lays targets out as [N, T, O]', () => {
    const split = sharedSplit(counter, 4, new Rng(1));
    if (split.mode !== 'shared') throw new Error('expected shared');
    expect(Array.from(split.x)).toEqual([0, 1, 2, 3]);
    // Sample 2, task 1: [12, -12].
    expect(split.y[(2 * 3 + 1) * 2]).toBe(12);
    expect(split.y[(2 * 3 + 1) * 2 + 1]).toBe(-12);
    expect(split.y.length).toBe(4 * 3 * 2);
  });

  it('separateSplit gives each task its own count', () => {
    const split = separateSplit(counter, [2, 5, 3], new Rng(1));
    if (split.mode !== 'separate') throw new Error('expected separate');
    expect(split.counts).toEqual([2, 5, 3]);
    expect(split.x.map((x) => x.length)).toEqual([2, 5, 3]);
    expect(split.y.map((y) => y.length)).toEqual([4, 10, 6]);
    expect(split.y[1]![2]).toBe(11);
  });

  it('standardizeTargets uses train statistics for both splits', () => {
    const train = {
      mode: 'shared' as const,
      count: 4,
      x: new Float32Array(4),
      y: Float32Array.from([1, 10, 3, 10, 5, 10, 7, 10]),
    };
    const test = { mode: 'shared' as const, count: 1, x: new Float32Array(1), y: Float32Array.from([9, 11]) };
    const stats = standardizeTargets(train, test, 2, 1);
    expect(stats[0]!.mean).toBe(4);
    expect(stats[0]!.std).toBeCloseTo(Math.sqrt(5), 10);
    expect(stats[1]).toEqual({ mean: 10, std: 1 }); // constant column: std falls back to 1
    expect(test.y[0]).toBeCloseTo(5 / Math.sqrt(5), 6);
    expect(test.y[1]).toBe(1);
  });

  it('taskTargets reads one task of either layout and setTaskTargets writes it back', () => {
    const shared = sharedSplit(counter, 3, new Rng(1));
    expect(Array.from(taskTargets(shared, 1, 3, 2))).toEqual([10, -10, 11, -11, 12, -12]);
    setTaskTargets(shared, 1, 3, 2, Float32Array.from([1, 2, 3, 4, 5, 6]));
    if (shared.mode !== 'shared') throw new Error('expected shared');
    // Sample 2: task 0 untouched (2, -2), task 1 written (5, 6), task 2 untouched (22, -22).
    expect(Array.from(shared.y.subarray(12, 18))).toEqual([2, -2, 5, 6, 22, -22]);
    const separate = separateSplit(counter, [1, 2, 1], new Rng(1));
    expect(Array.from(taskTargets(separate, 1, 3, 2))).toEqual([10, -10, 11, -11]);
  });

  it('standardizeTargets: with separate inputs each task uses its own train samples', () => {
    const train = {
      mode: 'separate' as const,
      counts: [2, 3],
      x: [new Float32Array(2), new Float32Array(3)],
      y: [Float32Array.from([0, 2]), Float32Array.from([1, 1, 4])],
    };
    const test = {
      mode: 'separate' as const,
      counts: [1, 1],
      x: [new Float32Array(1), new Float32Array(1)],
      y: [Float32Array.from([3]), Float32Array.from([0])],
    };
    // Task 0: mean 1, var 1. Task 1: mean 2, var (1 + 1 + 16)/3 - 4 = 2.
    const stats = standardizeTargets(train, test, 2, 1);
    expect(stats[0]).toEqual({ mean: 1, std: 1 });
    expect(stats[1]!.mean).toBe(2);
    expect(stats[1]!.std).toBeCloseTo(Math.SQRT2, 12);
    expect(Array.from(train.y[0]!)).toEqual([-1, 1]);
    expect(train.y[1]![2]).toBeCloseTo(Math.SQRT2, 6);
    expect(test.y[0]![0]).toBe(2);
    expect(test.y[1]![0]).toBeCloseTo(-Math.SQRT2, 6);
  });
});
