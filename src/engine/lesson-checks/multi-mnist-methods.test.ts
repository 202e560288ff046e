import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LESSONS_DIR, loadLesson } from '../lessons/load-lesson';
import { judgeAccuracies, LEARNED, SAME_AS_EW } from './multi-mnist-methods';
import { findLessonCheck } from './registry';

const tasks = ['left digit', 'right digit'];
// Seed 1 as measured at 300 steps (the check's header).
const seed1 = [
  { method: 'ew', accuracy: [84.55, 82.95] },
  { method: 'pcgrad', accuracy: [85.7, 82.65] },
  { method: 'mgda', accuracy: [85.45, 82.4] },
];

describe('the multi-mnist-methods verdict', () => {
  it('holds when every method is within SAME_AS_EW points of equal weights on both digits', () => {
    const v = judgeAccuracies(seed1, tasks);
    expect(v.holds).toBe(true);
    expect(v.numbers['pcgrad.maxGap']).toBeCloseTo(1.15, 6); // 85.70 − 84.55
    expect(v.numbers['mgda.maxGap']).toBeCloseTo(0.9, 6); // 85.45 − 84.55
    expect(v.numbers.maxGap).toBeCloseTo(1.15, 6);
    expect(v.numbers['ew.accuracy.1']).toBe(82.95);
    expect(v.why).toMatch(/every method within 1\.15 points of equal weights/);
  });

  it('fails when one method ends further from equal weights on one digit, and names it', () => {
    const broken = [...seed1.slice(0, 2), { method: 'mgda', accuracy: [85, 82.95 - SAME_AS_EW - 0.01] }];
    const v = judgeAccuracies(broken, tasks);
    expect(v.holds).toBe(false);
    expect(v.why).toMatch(/mgda \(left digit \+0\.45, right digit -2\.51\)/);
  });

  it('fails when equal weights did not learn (whatever the gaps)', () => {
    const v = judgeAccuracies(
      seed1.map((r) => ({ ...r, accuracy: [LEARNED - 1, 80] })),
      tasks,
    );
    expect(v.holds).toBe(false);
    expect(v.why).toMatch(/did not learn both digits/);
  });

  it('is registered, and its lesson parses with equal weights first in the grid', async () => {
    expect(findLessonCheck('multi-mnist-methods')?.seeds).toEqual([1, 2, 3]);
    const lesson = await loadLesson('multi-mnist-methods', (f) => readFile(`${LESSONS_DIR}/${f}`, 'utf8'));
    if (lesson.setup.kind !== 'study') throw new Error('a study lesson');
    expect(lesson.setup.study.grid['method']).toEqual([{ id: 'ew' }, { id: 'pcgrad' }, { id: 'mgda' }]);
    expect(lesson.setup.study.base.steps).toBe(300);
  });
});
