import { describe, expect, it } from 'vitest';
import { cellCenter, GridInputsCache, gridInputs, type Bounds } from './decision-grid';

const BOX: Bounds = [
  [-2, 2],
  [0, 1],
];
/** BOX as another object with equal numbers, and BOX with its top moved. */
const SAME_BOX: Bounds = [
  [-2, 2],
  [0, 1],
];
const TALLER: Bounds = [
  [-2, 2],
  [0, 2],
];

describe('decision grid', () => {
  it('lays cell centres out row-major, x2 falling by row and x1 rising by column', () => {
    expect(cellCenter(2, BOX, 0, 0)).toEqual([-1, 0.75]);
    expect(cellCenter(2, BOX, 0, 1)).toEqual([1, 0.75]);
    expect(cellCenter(2, BOX, 1, 0)).toEqual([-1, 0.25]);
    expect(Array.from(gridInputs(2, BOX))).toEqual([-1, 0.75, 1, 0.75, -1, 0.25, 1, 0.25]);
  });

  it('builds a grid once and again only when its size or box changes', () => {
    const cache = new GridInputsCache();
    const first = cache.get({ n: 3, bounds: BOX });
    expect(cache.get({ n: 3, bounds: SAME_BOX })).toBe(first);
    expect(Array.from(first)).toEqual(Array.from(gridInputs(3, BOX)));
    const finer = cache.get({ n: 4, bounds: BOX });
    expect(finer).not.toBe(first);
    expect(finer).toHaveLength(4 * 4 * 2);
    const moved = cache.get({ n: 4, bounds: TALLER });
    expect(moved).not.toBe(finer);
    expect(Array.from(moved.slice(0, 2))).toEqual(Array.from(new Float32Array(cellCenter(4, TALLER, 0, 0))));
  });
});
