import { describe, expect, it } from 'vitest';
import type { Report } from '../../engine/train/report';
import { conflictShare, cosineRows, downsample, taskPairs } from './series';
import { cosineColor } from './palette';

const report = (step: number, cos: number): Report => ({
  step,
  tasks: [
    { name: 'a', trainLoss: 1, testLoss: 1, trainMetric: 0, testMetric: 0 },
    { name: 'b', trainLoss: 1, testLoss: 1, trainMetric: 0, testMetric: 0 },
  ],
  weights: [1, 1],
  gradients: {
    norms: [1, 1],
    cosine: [
      [1, cos],
      [cos, 1],
    ],
    conflictShare: cos < 0 ? 1 : 0,
    layers: [],
  },
});

describe('chart series', () => {
  it('downsamples long series evenly, keeping the first and the newest point', () => {
    const items = Array.from({ length: 100_001 }, (_, i) => i);
    const out = downsample(items, 400);
    expect(out).toHaveLength(400);
    expect(out[0]).toBe(0);
    expect(out[399]).toBe(100_000);
    expect(downsample([1, 2, 3], 400)).toEqual([1, 2, 3]);
  });

  it('names task pairs and extracts their cosines', () => {
    expect(taskPairs(['a', 'b', 'c']).map((p) => p.key)).toEqual(['a–b', 'a–c', 'b–c']);
    expect(cosineRows([report(0, 0.5), report(50, -0.25)], ['a', 'b'])).toEqual([
      { step: 0, 'a–b': 0.5 },
      { step: 50, 'a–b': -0.25 },
    ]);
  });

  it('counts the share of reports in conflict, ignoring the initial one', () => {
    expect(
      conflictShare([report(0, -1), report(1, -0.1), report(2, 0.3), report(3, 0.2), report(4, -0.5)]),
    ).toBe(0.5);
    expect(conflictShare([report(0, -1)])).toBe(0);
  });

  it('colours cosines red below zero, blue above, grey at zero', () => {
    expect(cosineColor(-1)).toBe('rgb(214, 69, 65)');
    expect(cosineColor(1)).toBe('rgb(47, 126, 216)');
    expect(cosineColor(0)).toBe('rgb(150, 150, 150)');
    expect(cosineColor(NaN)).toBe('rgb(150, 150, 150)');
  });
});
