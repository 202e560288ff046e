import { describe, expect, it } from 'vitest';
import type { Report } from '../../engine/train/report';
import { allPositive, cosineMatrix, formatNumber, layerScope, taskNames, taskPairs } from './series';

const NAMES = ['circle', 'xor', 'plane'];

function report(step: number, c01: number, extra: Partial<Report> = {}): Report {
  return {
    step,
    tasks: NAMES.map((name, t) => ({
      name,
      trainLoss: 1 / (step + 1) + t,
      testLoss: 2 / (step + 1) + t,
      trainMetric: 0.5 + t / 10,
      testMetric: 0.4 + t / 10,
    })),
    weights: [1, 2, 3],
    gradients: {
      norms: [0.1, 0.2, Number.NaN],
      cosine: [
        [1, c01, 0.3],
        [c01, 1, 0.5],
        [0.3, 0.5, 1],
      ],
      conflictShare: c01 < 0 ? 1 / 3 : 0,
      layers: [
        {
          layer: 'shared0',
          cosine: [
            [1, -0.9, 0],
            [-0.9, 1, 0],
            [0, 0, 1],
          ],
        },
      ],
    },
    ...extra,
  };
}

const reports = [report(0, 0.2), report(10, -0.4), report(20, -0.1), report(30, 0.6)];

describe('series', () => {
  it('names tasks from the info first, else the latest report', () => {
    expect(taskNames(reports.at(-1))).toEqual(NAMES);
    expect(taskNames(undefined, null)).toEqual([]);
    const info = {
      tasks: [{ name: 'a', metric: 'loss', metricLabel: 'loss', higherIsBetter: false }],
    } as const;
    expect(taskNames(reports.at(-1), { tasks: [...info.tasks] })).toEqual(['a']);
  });

  it('pairs tasks i < j with en-dash keys', () => {
    expect(taskPairs(NAMES).map((p) => p.key)).toEqual(['circle–xor', 'circle–plane', 'xor–plane']);
    expect(taskPairs(['a'])).toEqual([]);
  });

  it('reads the cosine matrix of all shared parameters or of one layer', () => {
    expect(cosineMatrix(undefined)).toBeUndefined();
    expect(cosineMatrix(reports[0], '')?.[0]?.[1]).toBe(0.2);
    expect(cosineMatrix(reports[0], 'shared0')?.[0]?.[1]).toBe(-0.9);
    expect(cosineMatrix(reports[0], 'missing')).toBeUndefined();
  });

  it('checks positivity for log scales', () => {
    const rows = [
      { step: 0, 'circle train': 1, 'xor test': 2 },
      { step: 1, 'circle train': 0.5 },
    ];
    expect(allPositive(rows, ['circle train', 'xor test'])).toBe(true);
    expect(allPositive([{ step: 0, a: 0 }], ['a'])).toBe(false);
    expect(allPositive([{ step: 0, a: -1 }], ['a'])).toBe(false);
    expect(allPositive([], ['a'])).toBe(false);
  });

  it('names a matrix\'s scope by the layer\'s own name (not "layer layer 1")', () => {
    expect(layerScope('layer 1')).toBe('layer 1');
    expect(layerScope('shared experts')).toBe('shared experts');
    expect(layerScope('')).toBe('all shared parameters');
    expect(layerScope(null)).toBe('all shared parameters');
  });

  it('formats numbers briefly', () => {
    expect(formatNumber(0.123456)).toBe('0.123');
    expect(formatNumber(123456)).toBe('1.2e+5');
    expect(formatNumber(0.00001)).toBe('1.0e-5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-2.5)).toBe('-2.5');
  });
});
