/** Value ↔ pixel mappings of the canvas charts (plot-scale.ts), hand-computed, and the pointer's nearest step. */
import { describe, expect, it } from 'vitest';
import { fromPx, nearestStep, toPx, type PlotScale } from './plot-scale';

const linear: PlotScale = { domain: [0, 30], range: [62, 378], log: false };
const log: PlotScale = { domain: [0.01, 1], range: [168, 8], log: true };

describe('plot scales', () => {
  it('maps a linear range onto its pixels and back', () => {
    expect(toPx(linear, 0)).toBe(62);
    expect(toPx(linear, 30)).toBe(378);
    expect(toPx(linear, 15)).toBe(220);
    expect(fromPx(linear, 220)).toBe(15);
  });

  it('maps decades evenly on a log scale (a falling y range) and back', () => {
    expect(toPx(log, 1)).toBe(8);
    expect(toPx(log, 0.01)).toBe(168);
    expect(toPx(log, 0.1)).toBe(88);
    expect(fromPx(log, 88)).toBeCloseTo(0.1, 12);
    expect(Number.isNaN(toPx(log, 0))).toBe(true);
  });

  it('round-trips any value inside the domain', () => {
    for (let k = 0; k <= 50; k++) {
      const v = (k / 50) * 30;
      expect(fromPx(linear, toPx(linear, v))).toBeCloseTo(v, 9);
      const w = 10 ** (-2 + (2 * k) / 50);
      expect(fromPx(log, toPx(log, w)) / w).toBeCloseTo(1, 9);
    }
  });

  it('puts a flat domain in the middle of its range', () => {
    expect(toPx({ domain: [5, 5], range: [0, 100], log: false }, 5)).toBe(50);
  });

  it('finds the nearest row step, the earlier one on a tie', () => {
    const rows = [{ step: 0 }, { step: 10 }, { step: 20 }, { step: 40 }];
    expect(nearestStep(rows, -5)).toBe(0);
    expect(nearestStep(rows, 14)).toBe(10);
    expect(nearestStep(rows, 15)).toBe(10);
    expect(nearestStep(rows, 31)).toBe(40);
    expect(nearestStep(rows, 99)).toBe(40);
    expect(nearestStep([], 3)).toBeUndefined();
  });
});
