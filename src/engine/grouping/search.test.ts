import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { bestPairing, pairingLabel } from './pairings';
import {
  allSeparate,
  allTogether,
  bestGrouping,
  canonicalGrouping,
  groupingLabel,
  groupingScore,
  partitions,
  receivedAffinity,
} from './search';

describe('partitions (restricted-growth strings)', () => {
  it('lists each partition once: Bell numbers, and Stirling sums under a budget', () => {
    expect(partitions(3)).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
      [0, 1, 1],
      [0, 1, 2],
    ]);
    expect([1, 2, 3, 4, 5, 8].map((t) => partitions(t).length)).toEqual([1, 2, 5, 15, 52, 4140]);
    // S(5,1) + S(5,2) = 1 + 15; S(4,1) + S(4,2) = 1 + 7.
    expect(partitions(5, 2)).toHaveLength(16);
    expect(partitions(4, 2)).toHaveLength(8);
    for (const p of partitions(6)) expect(canonicalGrouping(p)).toEqual(p);
    expect(() => partitions(0)).toThrow(/at least one task/);
    expect(() => partitions(11)).toThrow(/at most 10 tasks/);
  });
});

describe('grouping search (Fifty et al. 2021 §3.2, partitions under a budget)', () => {
  it('T = 3, budget 2: a task scores the mean affinity it receives from its mates (hand-computed)', () => {
    const z = [
      [1, 0.4, -0.1],
      [0.2, 1, 0],
      [0.1, -0.3, 1],
    ];
    // All together: task 1 gets mean(0.4, -0.1) = 0.15, task 2 mean(0.2, 0) = 0.1, task 3 mean(0.1, -0.3) = -0.1.
    expect(receivedAffinity(z, [0, 0, 0]).map((v) => +v.toFixed(12))).toEqual([0.15, 0.1, -0.1]);
    expect(groupingScore(z, [0, 0, 0])).toBeCloseTo(0.15, 12);
    // 1+2 | 3: 0.4 + 0.2 + 0 (alone) = 0.6; 1+3 | 2: -0.1 + 0.1 = 0; 1 | 2+3: 0 - 0.3 = -0.3.
    expect(groupingScore(z, [0, 0, 1])).toBeCloseTo(0.6, 12);
    expect(groupingScore(z, [0, 1, 0])).toBeCloseTo(0, 12);
    expect(groupingScore(z, [0, 1, 1])).toBeCloseTo(-0.3, 12);
    const best = bestGrouping(z, 2);
    expect(best.groups).toEqual([0, 0, 1]);
    expect(groupingLabel(best.groups)).toBe('1+2 | 3');
    expect(best.score).toBeCloseTo(0.6, 12);
    expect(best.candidates).toBe(4);
  });

  it('T = 4, budget 2: three tasks that help each other and one that hurts them all: 1+2+3 | 4', () => {
    const z = [
      [1, 0.3, 0.3, -0.2],
      [0.3, 1, 0.3, -0.2],
      [0.3, 0.3, 1, -0.2],
      [-0.2, -0.2, -0.2, 1],
    ];
    const best = bestGrouping(z, 2);
    expect(groupingLabel(best.groups)).toBe('1+2+3 | 4');
    // 3 x mean(0.3, 0.3) + 0 for task 4 alone.
    expect(best.score).toBeCloseTo(0.9, 12);
    // All together: 3 x (0.3 + 0.3 - 0.2) / 3 + (-0.2) = 0.2; a budget of 1 leaves only that.
    expect(groupingScore(z, allTogether(4))).toBeCloseTo(0.2, 12);
    expect(bestGrouping(z, 1)).toEqual({
      groups: [0, 0, 0, 0],
      score: groupingScore(z, [0, 0, 0, 0]),
      candidates: 1,
    });
    // A larger budget does not split the helpful three (1+2 | 3 | 4 scores 0.6).
    expect(groupingLabel(bestGrouping(z, 4).groups)).toBe('1+2+3 | 4');
  });

  it('T = 5, budget 2: finds interleaved groups 1+3+5 | 2+4', () => {
    const inA = new Set([0, 2, 4]);
    const z = Array.from({ length: 5 }, (_, i) =>
      Array.from({ length: 5 }, (_, j) =>
        i === j ? 1 : inA.has(i) && inA.has(j) ? 0.5 : !inA.has(i) && !inA.has(j) ? 0.4 : 0.05,
      ),
    );
    const best = bestGrouping(z, 2);
    expect(best.groups).toEqual([0, 1, 0, 1, 0]);
    expect(groupingLabel(best.groups)).toBe('1+3+5 | 2+4');
    expect(best.score).toBeCloseTo(3 * 0.5 + 2 * 0.4, 12);
    expect(best.candidates).toBe(16);
  });

  it('reads the matrix by rows: help that is not returned does not group two tasks', () => {
    // Task 2's step helps task 1 (0.5) but task 1's step hurts task 2 (-0.6): together they lose (-0.1),
    // and task 3 hurts and is hurt by both: every task alone (score 0) is best.
    const z = [
      [1, 0.5, -0.1],
      [-0.6, 1, -0.1],
      [-0.1, -0.1, 1],
    ];
    expect(groupingScore(z, [0, 0, 1])).toBeCloseTo(-0.1, 12);
    expect(bestGrouping(z).groups).toEqual(allSeparate(3));
    // Ties (an all-zero matrix) go to the first grouping: everyone together.
    expect(
      bestGrouping([
        [0, 0],
        [0, 0],
      ]).groups,
    ).toEqual([0, 0]);
    expect(() => bestGrouping(z, 0)).toThrow(/budget of at least 1/);
  });

  it('properties: the best beats every candidate, labels ignore numbering, pairs agree with bestPairing', () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 20; trial++) {
      const T = 2 + (trial % 5);
      const z = Array.from({ length: T }, () => Array.from({ length: T }, () => rng.uniform(-0.2, 0.5)));
      const budget = 1 + (trial % T);
      const best = bestGrouping(z, budget);
      expect(new Set(best.groups).size).toBeLessThanOrEqual(budget);
      for (const p of partitions(T, budget))
        expect(groupingScore(z, p)).toBeLessThanOrEqual(best.score + 1e-12);
      // Renaming the groups changes neither the score nor the label.
      const renamed = best.groups.map((g) => 7 - g);
      expect(groupingScore(z, renamed)).toBeCloseTo(best.score, 12);
      expect(groupingLabel(renamed)).toBe(groupingLabel(best.groups));
    }
    // Block-diagonal pairs (the lesson's shape): the general search finds the pairing bestPairing finds.
    const lesson = [
      [0.9, 0.004, 0.0001, -0.0002],
      [0.003, 0.8, 0.0003, 0],
      [0, 0.0002, 0.7, 0.002],
      [0.0001, 0, 0.005, 0.6],
    ];
    expect(groupingLabel(bestGrouping(lesson, 2).groups)).toBe(pairingLabel(bestPairing(lesson).pairing));
    expect(groupingLabel(bestGrouping(lesson, 2).groups)).toBe('1+2 | 3+4');
  });
});
