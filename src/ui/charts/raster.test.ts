import { describe, expect, it } from 'vitest';
import type { Bounds } from '../../state/grid';
import { boundaryRGB, sequentialRGB } from './palette';
import {
  bandOf,
  boundaryImage,
  cellCenter,
  contourImage,
  evaluateGrid,
  gridInputs,
  linearTicks,
  quantileLevels,
  toUnit,
} from './raster';

const PLAYGROUND_BOUNDS: Bounds = [
  [-6, 6],
  [-6, 6],
];
const TOY_BOUNDS: Bounds = [
  [-10, 10],
  [-10, 10],
];

describe('grid geometry', () => {
  it('puts row 0 at the top (x2 max) and column 0 at the left (x1 min)', () => {
    expect(cellCenter(4, PLAYGROUND_BOUNDS, 0, 0)).toEqual([-4.5, 4.5]);
    expect(cellCenter(4, PLAYGROUND_BOUNDS, 3, 3)).toEqual([4.5, -4.5]);
    const inputs = gridInputs(4, PLAYGROUND_BOUNDS);
    expect(inputs).toHaveLength(32);
    expect([inputs[2], inputs[3]]).toEqual([-1.5, 4.5]);
  });

  it('maps data points to picture coordinates', () => {
    expect(toUnit(TOY_BOUNDS, -10, 10)).toEqual([0, 0]);
    expect(toUnit(TOY_BOUNDS, 10, -10)).toEqual([1, 1]);
    expect(toUnit(PLAYGROUND_BOUNDS, 0, 3)).toEqual([0.5, 0.25]);
  });

  it('evaluates a function on the grid', () => {
    const [sum, diff] = evaluateGrid(2, PLAYGROUND_BOUNDS, 2, (a, b) => [a + b, a - b]);
    expect(Array.from(sum ?? [])).toEqual([0, 6, -6, 0]);
    expect(Array.from(diff ?? [])).toEqual([-6, 0, 0, 6]);
  });

  it('spaces ticks evenly', () => {
    expect(linearTicks(-10, 10, 5)).toEqual([-10, -5, 0, 5, 10]);
  });
});

describe('images', () => {
  it('colours a boundary map by the sigmoid of each logit, per task', () => {
    const n = 2;
    const logits = new Float32Array([-20, 20, 0, Number.NaN, 20, 20, 20, 20]);
    const img = boundaryImage(logits, 0, n);
    expect(Array.from(img.slice(0, 3))).toEqual(boundaryRGB(0).map(Math.round));
    expect(Array.from(img.slice(4, 7))).toEqual(boundaryRGB(1).map(Math.round));
    expect(Array.from(img.slice(8, 11))).toEqual(Array.from(img.slice(12, 15)));
    expect(img[3]).toBe(255);
    expect(Array.from(boundaryImage(logits, 1, n).slice(0, 3))).toEqual(boundaryRGB(1).map(Math.round));
  });

  it('bands values at quantiles', () => {
    const levels = quantileLevels([4, 3, 2, 1, Number.NaN], 2);
    expect(levels).toEqual([3]);
    expect(bandOf(levels, 2)).toBe(0);
    expect(bandOf(levels, 3)).toBe(1);
    expect(bandOf([1, 2, 3], 10)).toBe(3);
    expect(quantileLevels([], 4)).toEqual([]);
  });

  it('draws dark low bands, light high bands and darker contour pixels', () => {
    const n = 8;
    const field = Float32Array.from({ length: n * n }, (_, i) => i % n);
    const img = contourImage(field, n, 4);
    const px = (i: number) => Array.from(img.slice(4 * i, 4 * i + 3));
    expect(px(0)).toEqual(sequentialRGB(0.125).map(Math.round));
    expect(px(n - 1)).toEqual(sequentialRGB(0.875).map(Math.round));
    const [edge, inside] = [px(1), px(0)];
    expect(edge.reduce((a, b) => a + b)).toBeLessThan(inside.reduce((a, b) => a + b));
  });
});

describe('splitLabels', () => {
  it('splits [N, T] labels per task', async () => {
    const { splitLabels } = await import('./raster');
    const [a, b] = splitLabels([1, 0, 0, 1, 1, 1], 3, 2);
    expect(Array.from(a ?? [])).toEqual([1, 0, 1]);
    expect(Array.from(b ?? [])).toEqual([0, 1, 1]);
  });
});
