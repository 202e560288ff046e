import { describe, expect, it } from 'vitest';
import { decimate, evenIndices, halve } from './decimate';

describe('decimation of stored reports', () => {
  it('keeps everything up to the limit', () => {
    expect(evenIndices(3, 5)).toEqual([0, 1, 2]);
    expect(decimate([1, 2, 3], 3)).toEqual([1, 2, 3]);
  });

  it('spreads the kept items evenly and always keeps the first and the last', () => {
    // 11 items to 6: every 2nd (0, 2, ..., 10).
    expect(evenIndices(11, 6)).toEqual([0, 2, 4, 6, 8, 10]);
    // 10 items to 4: positions i·9/3 = 0, 3, 6, 9.
    expect(decimate([...'abcdefghij'], 4)).toEqual(['a', 'd', 'g', 'j']);
    const kept = decimate(
      Array.from({ length: 100_001 }, (_, i) => i),
      2000,
    );
    expect(kept).toHaveLength(2000);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(100_000);
    const gaps = kept.slice(1).map((v, i) => v - kept[i]!);
    // 100000 / 1999 = 50.03: every gap is 50 or 51.
    expect(Math.min(...gaps)).toBe(50);
    expect(Math.max(...gaps)).toBe(51);
  });

  it('halves a full buffer keeping the first and the last', () => {
    expect(halve([0, 1, 2, 3, 4])).toEqual([0, 2, 4]);
    expect(halve([0, 1, 2, 3, 4, 5])).toEqual([0, 2, 4, 5]);
  });
});
