/**
 * The loss lesson 3's check judges: the mean test loss over the tasks and the last LAST_REPORTS reports
 * (the end of the loss curve), by hand on a made-up history.
 */
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../study/types';
import { endOfCurveLoss, LAST_REPORTS } from './mmoe-correlation';

/** A record whose reports carry only the per-task test losses. */
const recordOf = (testLosses: number[][]): RunRecord =>
  ({
    history: testLosses.map((tasks) => ({ tasks: tasks.map((testLoss) => ({ testLoss })) })),
  }) as unknown as RunRecord;

describe('endOfCurveLoss', () => {
  it('averages the tasks, then the last 3 reports; earlier reports do not count', () => {
    expect(LAST_REPORTS).toBe(3);
    // Reports: [9, 9] (ignored), [0.4, 0.2], [0.3, 0.1], [0.2, 0.0] -> task means 0.3, 0.2, 0.1 -> 0.2.
    const record = recordOf([
      [9, 9],
      [0.4, 0.2],
      [0.3, 0.1],
      [0.2, 0],
    ]);
    expect(endOfCurveLoss(record)).toBeCloseTo(0.2, 12);
  });

  it('refuses a run with fewer reports than it averages', () => {
    expect(() => endOfCurveLoss(recordOf([[1], [2]]))).toThrow(/report at least 3 times/);
  });
});
