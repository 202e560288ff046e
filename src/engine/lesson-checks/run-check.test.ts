/**
 * runLessonCheck: a strict majority of seeds decides, every seed's verdict is kept with its numbers and
 * logged as one line, and a seed whose training diverged counts as not holding (with the reason) instead
 * of ending the check.
 */
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/types';
import { TrainingDivergedError } from '../train/errors';
import { majorityOf, runLessonCheck } from './run-check';
import type { LessonCheck } from './types';

const lesson = { id: 'majority' } as Lesson;

/** A check whose seeds hold exactly when listed in `holding`; seed 99 diverges. */
const checkOf = (seeds: number[], holding: number[]): LessonCheck => ({
  id: 'majority',
  seeds,
  judge: (_lesson, seed) => {
    if (seed === 99) return Promise.reject(new TrainingDivergedError(7, 'L1'));
    const holds = holding.includes(seed);
    return Promise.resolve({ seed, holds, numbers: { seed }, why: holds ? 'yes' : 'no' });
  },
});

describe('runLessonCheck', () => {
  it('needs a strict majority: 2 of 3, 3 of 4, 3 of 5', async () => {
    expect([3, 4, 5].map(majorityOf)).toEqual([2, 3, 3]);
    expect((await runLessonCheck(checkOf([1, 2, 3], [1, 3]), lesson)).holds).toBe(true);
    expect((await runLessonCheck(checkOf([1, 2, 3, 4], [1, 3]), lesson)).holds).toBe(false);
    const verdict = await runLessonCheck(checkOf([1, 2, 3, 4, 5], [2, 4, 5]), lesson);
    expect(verdict).toMatchObject({ id: 'majority', holds: true, needed: 3 });
    expect(verdict.seeds.map((s) => [s.seed, s.holds, s.numbers.seed])).toEqual([
      [1, false, 1],
      [2, true, 2],
      [3, false, 3],
      [4, true, 4],
      [5, true, 5],
    ]);
  });

  it('logs one line per seed and turns a divergence into a failing seed with its reason', async () => {
    const lines: string[] = [];
    const verdict = await runLessonCheck(checkOf([1, 99, 3], [1]), lesson, (l) => lines.push(l));
    expect(verdict.holds).toBe(false);
    expect(verdict.seeds[1]).toMatchObject({ seed: 99, holds: false, numbers: {} });
    expect(verdict.seeds[1]?.why).toMatch(/^training diverged: .*step 7/);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('majority seed 1: holds: yes');
    expect(lines[2]).toBe('majority seed 3: does NOT hold: no');
  });

  it("refuses a lesson that is not the check's", async () => {
    await expect(runLessonCheck(checkOf([1], [1]), { id: 'other' } as Lesson)).rejects.toThrow(/other/);
  });
});
