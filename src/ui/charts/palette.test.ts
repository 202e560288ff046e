import { describe, expect, it } from 'vitest';
import {
  CLASS_COLORS,
  DARK_BG,
  LIGHT_BG,
  TASK_COLORS,
  boundaryRGB,
  contrastRatio,
  cosineColor,
  cosineRGB,
  parseHex,
  sequentialRGB,
  taskColor,
  textColorOn,
} from './palette';

describe('task palette', () => {
  it('has at least 3:1 contrast on the light and the dark background', () => {
    for (const c of [...TASK_COLORS, ...CLASS_COLORS]) {
      expect(contrastRatio(parseHex(c), parseHex(LIGHT_BG)), c).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(parseHex(c), parseHex(DARK_BG)), c).toBeGreaterThanOrEqual(3);
    }
  });

  it('has distinct colours and cycles', () => {
    expect(new Set(TASK_COLORS).size).toBe(TASK_COLORS.length);
    expect(taskColor(TASK_COLORS.length + 1)).toBe(taskColor(1));
    expect(taskColor(-1)).toBe(TASK_COLORS.at(-1));
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([10, 20, 30], [10, 20, 30])).toBe(1);
    expect(() => parseHex('blue')).toThrow();
  });
});

describe('cosine scale', () => {
  it('is red at -1, neutral at 0, blue at +1', () => {
    const [r0, g0, b0] = cosineRGB(-1);
    expect(r0).toBeGreaterThan(b0 + 100);
    const [r1, , b1] = cosineRGB(1);
    expect(b1).toBeGreaterThan(r1 + 100);
    const [rn, gn, bn] = cosineRGB(0);
    expect(Math.max(rn, gn, bn) - Math.min(rn, gn, bn)).toBeLessThan(16);
    expect(g0).toBeLessThan(gn);
  });

  it('clamps and treats NaN as neutral', () => {
    expect(cosineColor(-5)).toBe(cosineColor(-1));
    expect(cosineColor(3)).toBe(cosineColor(1));
    expect(cosineColor(Number.NaN)).toBe(cosineColor(0));
    expect(cosineColor(0.5)).not.toBe(cosineColor(-0.5));
  });

  it('grows more saturated away from zero on both sides', () => {
    const sat = (v: number) => {
      const c = cosineRGB(v);
      return Math.max(...c) - Math.min(...c);
    };
    for (const v of [0.25, 0.5, 0.75]) {
      expect(sat(v + 0.25)).toBeGreaterThan(sat(v - 0.25));
      expect(sat(-v - 0.25)).toBeGreaterThan(sat(-v + 0.25));
    }
  });

  it('picks legible cell text', () => {
    expect(textColorOn(cosineRGB(-1))).toBe('#ffffff');
    expect(textColorOn(cosineRGB(1))).toBe('#ffffff');
    expect(textColorOn(cosineRGB(0))).toBe('#000000');
  });
});

describe('sequential and boundary scales', () => {
  it('runs dark to light and orange to blue', () => {
    const lum = (c: number[]) => c.reduce((a, b) => a + b, 0);
    expect(lum(sequentialRGB(1))).toBeGreaterThan(lum(sequentialRGB(0.5)));
    expect(lum(sequentialRGB(0.5))).toBeGreaterThan(lum(sequentialRGB(0)));
    const [r0, , b0] = boundaryRGB(0);
    const [r1, , b1] = boundaryRGB(1);
    expect(r0).toBeGreaterThan(b0);
    expect(b1).toBeGreaterThan(r1);
  });
});
