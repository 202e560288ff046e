import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DELTA_M_LABEL, formatEstimate, studyTable, studyTableCsv, studyTableMarkdown } from './study-table';
import type { Estimate, StudySummary } from './types';

const e = (mean: number, ci95: number, n = 3): Estimate => ({ mean, ci95, n });
const tasks = (acc: number, loss: number) => [
  { name: 'xor', metric: e(acc, 0.01), loss: e(loss, 0.02), higherIsBetter: true },
];
const summary: StudySummary = {
  groups: [
    {
      group: 'method.id=ew',
      settings: {},
      seeds: [1, 2, 3],
      tasks: tasks(0.9, 0.3),
      deltaM: e(2, 1),
      withinNoise: null,
    },
    {
      group: 'method.id=pcgrad',
      settings: {},
      seeds: [1, 2, 3],
      tasks: tasks(0.95, 0.35),
      deltaM: e(-1, 0.5),
      withinNoise: false,
    },
    {
      group: 'method.id=mgda',
      settings: {},
      seeds: [1, 2, 3],
      tasks: tasks(0.95, 0.25),
      deltaM: e(3, 4),
      withinNoise: true,
    },
  ],
  baselines: tasks(0.99, 0.1),
  baselineSets: [{ group: 'baseline', settings: {}, seeds: [1, 2, 3], tasks: tasks(0.99, 0.1) }],
};

describe('the study table', () => {
  const table = studyTable(summary);

  it('has a metric and a loss column per task, then Δm% (lower is better)', () => {
    expect(table.columns.map((c) => [c.label, c.better])).toEqual([
      ['xor: test metric', 'higher'],
      ['xor: test loss', 'lower'],
      [DELTA_M_LABEL, 'lower'],
    ]);
    expect(DELTA_M_LABEL).toBe('Δm% (lower is better)');
  });

  it('marks the best grid point per column, ties included, never the baseline', () => {
    expect(table.rows.map((r) => [r.group, r.kind, r.best])).toEqual([
      ['method.id=ew', 'group', []],
      ['method.id=pcgrad', 'group', ['xor · test metric', 'deltaM']],
      ['method.id=mgda', 'group', ['xor · test metric', 'xor · test loss']],
      ['baseline', 'baseline', []],
    ]);
  });

  it('writes Markdown with mean ± ci95 and the best in bold', () => {
    const md = studyTableMarkdown(table).trim().split('\n');
    expect(md[0]).toBe(
      '| group | xor: test metric (higher is better) | xor: test loss (lower is better) | Δm% (lower is better) | within noise |',
    );
    expect(md[1]).toBe('| --- | --- | --- | --- | --- |');
    // Intervals to two significant digits, means to the same place.
    expect(md[3]).toBe('| method.id=pcgrad | **0.950 ± 0.010** | 0.350 ± 0.020 | **-1.00 ± 0.50** | no |');
    expect(md[5]).toBe('| baseline | 0.990 ± 0.010 | 0.100 ± 0.020 | – | baseline |');
  });

  it('writes CSV with mean, ci95 and n in columns of their own', () => {
    const parsed = Papa.parse<string[]>(studyTableCsv(table)).data;
    expect(parsed[0]).toEqual([
      'group',
      'kind',
      'xor: test metric mean',
      'xor: test metric ci95',
      'xor: test metric n',
      'xor: test loss mean',
      'xor: test loss ci95',
      'xor: test loss n',
      `${DELTA_M_LABEL} mean`,
      `${DELTA_M_LABEL} ci95`,
      `${DELTA_M_LABEL} n`,
      'within noise of the first group',
    ]);
    expect(parsed[2]).toEqual([
      'method.id=pcgrad',
      'group',
      '0.95',
      '0.01',
      '3',
      '0.35',
      '0.02',
      '3',
      '-1',
      '0.5',
      '3',
      'no',
    ]);
    expect(parsed[4]?.slice(8, 12)).toEqual(['', '', '0', 'baseline']);
  });

  it('writes an interval to two significant digits and its mean to the same decimal place', () => {
    expect(formatEstimate(e(0.987, 0.01135, 5))).toBe('0.987 ± 0.011');
    expect(formatEstimate(e(0.03287, 0.02316, 5))).toBe('0.033 ± 0.023');
    expect(formatEstimate(e(0.4722, 1.104, 5))).toBe('0.5 ± 1.1');
    expect(formatEstimate(e(0.9882, 0.009554, 5))).toBe('0.9882 ± 0.0096');
    expect(formatEstimate(e(123.456, 12.34, 5))).toBe('123 ± 12');
    expect(formatEstimate(e(1234, 567, 5))).toBe('1230 ± 570');
    expect(formatEstimate(e(-12.34, 3.456, 5))).toBe('-12.3 ± 3.5');
    // Rounding carries into a third digit: 0.0996 → 0.10, and the mean follows it.
    expect(formatEstimate(e(0.5, 0.0996, 5))).toBe('0.50 ± 0.10');
    // No "-0.000".
    expect(formatEstimate(e(-0.0004, 0.02, 5))).toBe('0.000 ± 0.020');
    // A zero interval (every seed equal) keeps the mean's digits.
    expect(formatEstimate(e(2.5, 0, 5))).toBe('2.5 ± 0');
  });

  it('formats a lone seed and a missing value so that a reader knows why there is no interval', () => {
    expect(formatEstimate(e(0.123456, 0, 1))).toBe('0.1235 (1 seed)');
    expect(formatEstimate(e(Number.NaN, Number.NaN, 0))).toBe('–');
    expect(formatEstimate(undefined)).toBe('–');
  });
});
