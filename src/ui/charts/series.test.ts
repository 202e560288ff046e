import { describe, expect, it } from 'vitest';
import type { Report } from '../../engine/train/report';
import {
  allPositive,
  conflictRows,
  conflictSummary,
  cosineMatrix,
  cosineRows,
  formatNumber,
  layerScope,
  lossRows,
  metricRows,
  normRows,
  taskNames,
  taskPairs,
  trajectories,
  weightRows,
} from './series';

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
    expect(taskNames(reports)).toEqual(NAMES);
    expect(taskNames([], null)).toEqual([]);
    const info = {
      tasks: [{ name: 'a', metric: 'loss', metricLabel: 'loss', higherIsBetter: false }],
    } as const;
    expect(taskNames(reports, { tasks: [...info.tasks] })).toEqual(['a']);
  });

  it('pairs tasks i < j with en-dash keys', () => {
    expect(taskPairs(NAMES).map((p) => p.key)).toEqual(['circle–xor', 'circle–plane', 'xor–plane']);
    expect(taskPairs(['a'])).toEqual([]);
  });

  it('builds loss and metric rows', () => {
    const rows = lossRows(reports);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatchObject({ step: 10, 'circle train': 1 / 11, 'plane test': 2 / 11 + 2 });
    expect(metricRows(reports)[0]).toEqual({ step: 0, circle: 0.4, xor: 0.4 + 1 / 10, plane: 0.4 + 2 / 10 });
    expect(metricRows(reports, true)[0]).toHaveProperty('xor train', 0.5 + 1 / 10);
  });

  it('builds cosine rows for all shared parameters and per layer', () => {
    expect(cosineRows(reports, NAMES)[1]).toEqual({
      step: 10,
      'circle–xor': -0.4,
      'circle–plane': 0.3,
      'xor–plane': 0.5,
    });
    expect(cosineRows(reports, NAMES, 'shared0')[0]).toMatchObject({ 'circle–xor': -0.9 });
    expect(cosineRows(reports, NAMES, 'missing')[0]).toEqual({ step: 0 });
    expect(cosineMatrix(undefined)).toBeUndefined();
    expect(cosineMatrix(reports[0], '')?.[0]?.[1]).toBe(0.2);
  });

  it('leaves non-finite values out (gaps) in norms; weights are per task', () => {
    expect(normRows(reports, NAMES)[0]).toEqual({ step: 0, circle: 0.1, xor: 0.2 });
    expect(weightRows(reports, NAMES)[3]).toEqual({ step: 30, circle: 1, xor: 2, plane: 3 });
  });

  it('tracks the running share of reports in conflict', () => {
    expect(conflictRows(reports).map((r) => r.conflict)).toEqual([0, 1 / 2, 2 / 3, 2 / 4]);
    expect(conflictSummary(reports)).toEqual({ count: 2, total: 4, share: 0.5 });
    expect(conflictSummary([])).toEqual({ count: 0, total: 0, share: 0 });
  });

  it('checks positivity for log scales', () => {
    const rows = lossRows(reports);
    expect(allPositive(rows, ['circle train', 'xor test'])).toBe(true);
    expect(allPositive([{ step: 0, a: 0 }], ['a'])).toBe(false);
    expect(allPositive([{ step: 0, a: -1 }], ['a'])).toBe(false);
    expect(allPositive([], ['a'])).toBe(false);
  });

  it('collects toy trajectories per start point', () => {
    const pt = (x: number, y: number) => ({ theta: [x, y], losses: [0, 0], weights: [1, 1], cosine: [] });
    const toy = [
      report(0, 0, { points: [pt(0, 0), pt(5, 5)] }),
      report(1, 0, { points: [pt(1, -1), pt(Number.NaN, 4)] }),
    ];
    expect(trajectories(toy)).toEqual([
      [
        [0, 0],
        [1, -1],
      ],
      [[5, 5]],
    ]);
    expect(trajectories(reports)).toEqual([]);
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
