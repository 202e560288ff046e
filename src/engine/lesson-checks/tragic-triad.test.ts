import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../study/types';
import type { Report } from '../train/report';
import { meanConflictShare, medianNormRatio } from './tragic-triad';

const report = (step: number, conflictShare: number, norms: number[]): Report => ({
  step,
  tasks: [],
  weights: [],
  gradients: { norms, cosine: [], conflictShare, layers: [] },
});

const recordOf = (history: Report[]) => ({ history }) as unknown as RunRecord;

describe('tragic-triad measures', () => {
  // Step 0 describes the untrained network: it must not count (its numbers here would change both).
  const history = [
    report(0, 1, [1, 100]),
    report(100, 1, [1, 2]),
    report(200, 0, [2, 10]),
    report(300, 1, [1, 4]),
    report(400, 0, [0.5, 4]),
  ];

  it('averages the conflict share over the trained reports', () => {
    expect(meanConflictShare(recordOf(history))).toBe(0.5);
  });

  it('takes the median of the louder over the quieter norm over the trained reports', () => {
    // Ratios 2, 5, 4, 8: the median of an even count is the mean of the middle two, (4 + 5) / 2.
    expect(medianNormRatio(recordOf(history))).toBe(4.5);
    expect(medianNormRatio(recordOf(history.slice(0, 4)))).toBe(4);
  });
});
