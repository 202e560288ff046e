import { describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/types';
import { blockSeparation, latentPairing } from './task-grouping';

const lessonWith = (patterns: string[]): Lesson => ({
  id: 'x',
  title: 'x',
  summary: 'x',
  paper: { cite: 'x', url: 'https://example.org' },
  finding: 'x',
  setup: { kind: 'config', config: { task: { id: 'playground-2d', params: { patterns } } } },
  steps: [],
  notice: 'x',
  question: 'x',
  expected: 'x',
});

describe('task-grouping check helpers', () => {
  it('pairs the tasks that share a pattern, wherever they sit', () => {
    expect(latentPairing(lessonWith(['xor', 'xor', 'circle', 'circle']))).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(latentPairing(lessonWith(['xor', 'circle', 'circle', 'xor']))).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect(() => latentPairing(lessonWith(['xor', 'circle', 'gauss', 'xor']))).toThrow(
      /every pattern exactly twice/,
    );
    expect(() => latentPairing(lessonWith(['xor', 'xor', 'circle']))).toThrow(/even list of patterns/);
  });

  it('compares the smallest affinity inside the pairs with the largest between them, off the diagonal', () => {
    const z = [
      [0.9, 0.004, 0.0001, -0.0002],
      [0.003, 0.8, 0.0003, 0],
      [0, 0.0002, 0.7, 0.002],
      [0.0001, 0, 0.005, 0.6],
    ];
    expect(
      blockSeparation(z, [
        [0, 1],
        [2, 3],
      ]),
    ).toEqual({ minWithin: 0.002, maxAcross: 0.0003 });
    // The wrong pairs: inside them sit the near-zero entries.
    expect(
      blockSeparation(z, [
        [0, 2],
        [1, 3],
      ]),
    ).toEqual({ minWithin: 0, maxAcross: 0.005 });
  });
});
