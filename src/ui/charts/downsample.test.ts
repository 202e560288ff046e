import { describe, expect, it } from 'vitest';
import {
  downsamplePath,
  downsampleRows,
  downsampleSeries,
  MAX_POINTS,
  minMaxIndices,
  rowBudget,
  rowKeys,
  strideIndices,
  type Row,
} from './downsample';

const noisy = (n: number) => Array.from({ length: n }, (_, i) => Math.sin(i / 37) + ((i * 7919) % 13) / 50);

describe('minMaxIndices', () => {
  it('keeps short series whole', () => {
    expect(minMaxIndices([3, 1, 2], 400)).toEqual([0, 1, 2]);
    expect(minMaxIndices([], 400)).toEqual([]);
  });

  it('returns at most max sorted unique indices, with the first and the last', () => {
    for (const [n, max] of [
      [10_000, 400],
      [1001, 7],
      [5, 3],
      [100, 2],
      [100, 0],
    ] as const) {
      const kept = minMaxIndices(noisy(n), max);
      expect(kept.length).toBeLessThanOrEqual(Math.max(2, max));
      expect(kept[0]).toBe(0);
      expect(kept.at(-1)).toBe(n - 1);
      for (let k = 1; k < kept.length; k++) expect(kept[k]).toBeGreaterThan(kept[k - 1] as number);
    }
  });

  it('keeps a single spike and the global extremes', () => {
    const values = new Array(10_000).fill(1);
    values[4321] = 50;
    values[777] = -3;
    const kept = downsampleSeries(values, 100);
    expect(Math.max(...kept)).toBe(50);
    expect(Math.min(...kept)).toBe(-3);
    const v = noisy(20_000);
    const d = downsampleSeries(v, 400);
    expect(Math.max(...d)).toBe(Math.max(...v));
    expect(Math.min(...d)).toBe(Math.min(...v));
  });

  it('never picks NaN as an extreme', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i % 2 ? Number.NaN : i));
    const kept = downsampleSeries(values, 50);
    expect(kept.slice(1, -1).every((v) => Number.isFinite(v))).toBe(true);
  });
});

describe('downsampleRows', () => {
  const rows: Row[] = Array.from({ length: 5000 }, (_, i) => ({ step: i * 10, a: Math.cos(i / 50), b: i }));
  rows[2500] = { step: 25_000, a: 9, b: 2500 };

  it('bounds the row count and keeps first and last rows unchanged', () => {
    const out = downsampleRows(rows, 400);
    expect(out.length).toBeLessThanOrEqual(400);
    expect(out[0]).toBe(rows[0]);
    expect(out.at(-1)).toBe(rows.at(-1));
    for (let k = 1; k < out.length; k++)
      expect((out[k] as Row).step).toBeGreaterThanOrEqual((out[k - 1] as Row).step);
  });

  it('keeps every series envelope', () => {
    const out = downsampleRows(rows, 200);
    expect(Math.max(...out.map((r) => r.a as number))).toBe(9);
    expect(Math.min(...out.map((r) => r.a as number))).toBe(Math.min(...rows.map((r) => r.a as number)));
    expect(Math.max(...out.map((r) => r.b as number))).toBe(4999);
  });

  it('leaves out keys absent in a bucket and is a copy when short', () => {
    const sparse: Row[] = Array.from({ length: 1000 }, (_, i) => (i < 500 ? { step: i } : { step: i, x: i }));
    const out = downsampleRows(sparse, 20);
    expect(out.slice(1, 5).every((r) => !('x' in r))).toBe(true);
    expect(out.some((r) => r.x === 999)).toBe(true);
    const short = rows.slice(0, 3);
    expect(downsampleRows(short, 10)).toEqual(short);
    expect(downsampleRows(short, 10)).not.toBe(short);
  });

  it('lists keys in first-seen order without step', () => {
    expect(
      rowKeys([
        { step: 0, b: 1 },
        { step: 1, a: 2, b: 3 },
      ]),
    ).toEqual(['b', 'a']);
  });
});

describe('strideIndices / downsamplePath', () => {
  it('spaces evenly with first and last', () => {
    expect(strideIndices(11, 3)).toEqual([0, 5, 10]);
    expect(strideIndices(3, 10)).toEqual([0, 1, 2]);
    const path = Array.from({ length: 1000 }, (_, i) => [i, -i]);
    const thin = downsamplePath(path, 50);
    expect(thin).toHaveLength(50);
    expect(thin[0]).toEqual([0, -0]);
    expect(thin.at(-1)).toEqual([999, -999]);
  });
});

describe('downsampleColumns', () => {
  it('matches downsampleRows on the same data', async () => {
    const { columnsToRows, downsampleColumns } = await import('./downsample');
    const n = 3000;
    const a = Float64Array.from({ length: n }, (_, i) =>
      i % 97 === 0 ? Number.NaN : Math.sin(i / 40) + (i % 7) / 10,
    );
    const b = Float64Array.from({ length: n }, (_, i) => (i < 1000 ? Number.NaN : i));
    const cols = {
      steps: Float64Array.from({ length: n }, (_, i) => i * 5),
      keys: ['a', 'b'],
      values: [a, b],
    };
    const rows = columnsToRows(cols);
    expect(rows[0]).toEqual({ step: 0 });
    expect(rows[1000]).toEqual({ step: 5000, a: a[1000], b: 1000 });
    for (const max of [400, 51, 2])
      expect(downsampleColumns(cols, max)).toEqual(downsampleRows(rows, max, ['a', 'b']));
    expect(downsampleColumns({ ...cols, steps: cols.steps.slice(0, 3) }, 400)).toHaveLength(3);
  });
});

describe('rowBudget', () => {
  it('draws a row every PX_PER_ROW pixels of plot, at least 2 and at most the chart budget', () => {
    expect(rowBudget(500)).toBe(250);
    expect(rowBudget(301)).toBe(150);
    expect(rowBudget(0)).toBe(2);
    expect(rowBudget(-40)).toBe(2);
    expect(rowBudget(5000)).toBe(MAX_POINTS);
    expect(rowBudget(500, 100)).toBe(100);
  });

  it('caps what downsampleRows keeps from a long run', () => {
    const rows = noisy(4000).map((v, step) => ({ step, v }));
    expect(downsampleRows(rows, rowBudget(300)).length).toBeLessThanOrEqual(150);
  });
});
