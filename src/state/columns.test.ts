import { describe, expect, it } from 'vitest';
import { DecimatedColumns } from './columns';

/** Columns of one envelope series and one path series fed the same values, at steps 0, 1, 2, ... */
function fed(values: number[], budget = 16) {
  const c = new DecimatedColumns(['envelope', 'path'], budget);
  values.forEach((v, step) => c.push(step, [v, v]));
  const { steps, values: cols } = c.columns([0, 1]);
  return { c, steps: Array.from(steps), envelope: Array.from(cols[0]!), path: Array.from(cols[1]!) };
}

describe('DecimatedColumns, worked by hand', () => {
  // Budget 16 holds 12 completed rows; the 12th fold merges buckets of 1 into buckets of 4 (two rows each).
  const V = [5, 1, 9, 3, 4, 4, 0, 8, 2, 7, 6, 5, 10];

  it("keeps each bucket's minimum and maximum in the order they came, and the newest value exact", () => {
    const { c, steps, envelope } = fed(V);
    expect(c.size).toBe(4);
    // Buckets [5 1 9 3] [4 4 0 8] [2 7 6 5]: (1, 9) (0, 8) (2, 7) at their first and last steps; then 10.
    expect(steps).toEqual([0, 3, 4, 7, 8, 11, 12]);
    expect(envelope).toEqual([1, 9, 0, 8, 2, 7, 10]);
  });

  it('keeps a path series as the first and last point of each bucket', () => {
    expect(fed(V).path).toEqual([5, 3, 4, 8, 2, 5, 10]);
  });

  it('reduces the bucket still filling to its extremes so far', () => {
    // 10 3 12 fill the next bucket of 4 (min 3, max 12, in that order); -1 is the newest.
    const { steps, envelope, path } = fed([...V, 3, 12, -1]);
    expect(steps).toEqual([0, 3, 4, 7, 8, 11, 12, 14, 15]);
    expect(envelope).toEqual([1, 9, 0, 8, 2, 7, 3, 12, -1]);
    expect(path).toEqual([5, 3, 4, 8, 2, 5, 10, 12, -1]);
  });

  it('skips NaN when it looks for extremes; a bucket of NaN only stays a gap', () => {
    const { envelope } = fed([NaN, 2, NaN, 1, NaN, NaN, NaN, NaN, 3, 3, 3, 3, 0]);
    expect(envelope).toEqual([2, 1, NaN, NaN, 3, 3, 0]);
  });
});

describe('DecimatedColumns over a 100k-step run', () => {
  it('stays within its budget after every append and never hides a one-step spike', () => {
    const budget = 64;
    const c = new DecimatedColumns(['envelope'], budget);
    const spikeAt = 73_519;
    let longest = 0;
    for (let step = 0; step < 100_000; step++) {
      // A slow sawtooth between 0 and 1, one spike up to 50 and one dip to -50.
      const v = step === spikeAt ? 50 : step === 4_321 ? -50 : (step % 1000) / 1000;
      c.push(step, [v]);
      longest = Math.max(longest, c.length);
    }
    expect(longest).toBeLessThanOrEqual(budget);
    const { steps, values } = c.columns([0]);
    const col = Array.from(values[0]!);
    expect(Math.max(...col)).toBe(50);
    expect(Math.min(...col)).toBe(-50);
    // The spike's row lies in its bucket (two rows: its first and last step), and the steps stay in order.
    const at = col.indexOf(50);
    const bucket = at < c.completedRows ? [at - (at % 2), at - (at % 2) + 1] : [c.completedRows, at];
    expect(steps[bucket[0]!]! <= spikeAt && spikeAt <= steps[bucket[1]!]!).toBe(true);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThanOrEqual(steps[i - 1]!);
    expect(steps.at(-1)).toBe(99_999);
  });
});
