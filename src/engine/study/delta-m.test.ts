import { describe, expect, it } from 'vitest';
import { deltaM, deltaMOfRun } from './delta-m';

describe('Δm%', () => {
  it('matches a hand computation with mixed directions', () => {
    // Accuracy 0.9 vs 0.8 (higher better): -(0.1/0.8) = -12.5%; error 0.3 vs 0.2 (lower better): +50%.
    // Mean: (−12.5 + 50) / 2 = 18.75.
    expect(
      deltaM([
        { value: 0.9, baseline: 0.8, higherIsBetter: true },
        { value: 0.3, baseline: 0.2, higherIsBetter: false },
      ]),
    ).toBeCloseTo(18.75, 10);
  });

  it('is zero at the baselines and negative when every task improves', () => {
    expect(deltaM([{ value: 2, baseline: 2, higherIsBetter: false }])).toBe(0);
    expect(deltaMOfRun([{ testMetric: 0.95 }, { testMetric: 0.1 }], [0.9, 0.2], [true, false])).toBeLessThan(
      0,
    );
  });

  it('rejects zero baselines and mismatched lengths', () => {
    expect(() => deltaM([{ value: 1, baseline: 0, higherIsBetter: true }])).toThrow(/non-zero baseline/);
    expect(() => deltaMOfRun([{ testMetric: 1 }], [1, 2], [true])).toThrow(/one per task/);
    expect(() => deltaM([])).toThrow(/at least one/);
  });
});
