import { describe, expect, it } from 'vitest';
import { estimate, intervalContains, mean, sampleStd, tQuantile975 } from './stats';

describe('study statistics', () => {
  it('matches hand-computed numbers for [1, 2, 3, 4]', () => {
    // mean 2.5; squares 2.25 + 0.25 + 0.25 + 2.25 = 5, / 3 → sd √(5/3) = 1.290994; t(3) = 3.18245;
    // ci95 = 3.18245 · 1.290994 / 2 = 2.054263.
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sampleStd([1, 2, 3, 4])).toBeCloseTo(1.290994449, 9);
    expect(tQuantile975(3)).toBe(3.18245);
    const e = estimate([1, 2, 3, 4]);
    expect(e.mean).toBe(2.5);
    expect(e.ci95).toBeCloseTo(2.05426, 5);
    expect(e.n).toBe(4);
  });

  it('has the tabled quantiles at the ends and the expansion beyond, to 1e-5 of SciPy', () => {
    expect(tQuantile975(1)).toBe(12.7062);
    expect(tQuantile975(50)).toBe(2.00856);
    // scipy.stats.t.ppf(0.975, df)
    expect(tQuantile975(51)).toBeCloseTo(2.00758377, 5);
    expect(tQuantile975(100)).toBeCloseTo(1.98397152, 5);
    expect(tQuantile975(1000)).toBeCloseTo(1.96233908, 5);
    expect(() => tQuantile975(0)).toThrow(/df/);
  });

  it('gives no interval for one value and no numbers for none', () => {
    expect(estimate([7])).toEqual({ mean: 7, ci95: 0, n: 1 });
    const none = estimate([]);
    expect(none.n).toBe(0);
    expect(Number.isNaN(none.mean)).toBe(true);
    // Two values: sd = |a − b| / √2, ci95 = 12.7062 · sd / √2 = 12.7062 · |a − b| / 2.
    expect(estimate([1, 3]).ci95).toBeCloseTo(12.7062, 10);
  });

  it('says whether an interval contains a value, and cannot tell below two seeds', () => {
    expect(intervalContains({ mean: 1, ci95: 1.5, n: 3 }, 0)).toBe(true);
    expect(intervalContains({ mean: 1, ci95: 0.5, n: 3 }, 0)).toBe(false);
    expect(intervalContains({ mean: -1, ci95: 1, n: 3 }, 0)).toBe(true);
    expect(intervalContains({ mean: 1, ci95: 0, n: 1 }, 0)).toBeNull();
  });
});
