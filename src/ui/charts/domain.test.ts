import { describe, expect, it } from 'vitest';
import { niceStep, paddedAxis } from './domain';

const paddedDomain = (...args: Parameters<typeof paddedAxis>) => paddedAxis(...args)?.domain;

const rows = (...values: [number, number, number][]) => values.map(([step, a, b]) => ({ step, a, b }));

describe('paddedDomain', () => {
  it('pads a single report to a round range around it (not 0.468 to 0.489)', () => {
    expect(paddedDomain(rows([0, 0.468, 0.489]), ['a', 'b'])).toEqual([0.3, 0.7]);
    expect(paddedDomain(rows([0, 0.478, 0.478]), ['a'])).toEqual([0.3, 0.6]);
  });

  it('pads a flat series: equal weights at exactly 1, or all zeros, never below zero', () => {
    expect(paddedDomain(rows([0, 1, 1], [10, 1, 1], [20, 1, 1]), ['a', 'b'])).toEqual([0.6, 1.4]);
    expect(paddedDomain(rows([0, 0, 0], [10, 0, 0]), ['a', 'b'])).toEqual([0, 1]);
    expect(paddedDomain(rows([0, 0.05, 0.05]), ['a'])).toEqual([0.03, 0.07]);
    expect(paddedDomain(rows([0, 0.1, 0.1]), ['a'])).toEqual([0.06, 0.14]);
  });

  it('keeps negative flat data centred', () => {
    expect(paddedDomain(rows([0, -2, -2]), ['a'])).toEqual([-2.5, -1.5]);
  });

  it('leaves varying data to the round range around it', () => {
    expect(paddedDomain(rows([0, 0.7, 0.6], [10, 0.4, 0.3]), ['a', 'b'])).toBeUndefined();
    expect(paddedDomain([], ['a'])).toBeUndefined();
    expect(paddedDomain(rows([0, Number.NaN, Number.NaN]), ['a', 'b'])).toBeUndefined();
  });

  it('puts round ticks across the padded range', () => {
    expect(paddedAxis(rows([0, 0.468, 0.489]), ['a', 'b'])?.ticks).toEqual([0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(paddedAxis(rows([0, 1, 1]), ['a'])?.ticks).toEqual([0.6, 0.8, 1, 1.2, 1.4]);
    expect(paddedAxis(rows([0, 0.478, 0.478]), ['a'], true)?.ticks).toEqual([0.1, 1]);
    expect(paddedAxis(rows([0, 1, 1]), ['a'], true)?.ticks).toEqual([0.1, 1, 10]);
  });

  it('gives log axes whole decades', () => {
    expect(paddedDomain(rows([0, 0.478, 0.478]), ['a'], true)).toEqual([0.1, 1]);
    expect(paddedDomain(rows([0, 1, 1]), ['a'], true)).toEqual([0.1, 10]);
  });
});

describe('niceStep', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.061, 0.2, 0.24, 3, 7, 0.0011].map(niceStep)).toEqual([0.1, 0.2, 0.25, 5, 10, 0.002]);
  });
});
