/**
 * Lesson 1's finding (Liu et al., NeurIPS 2021, Fig. 1), as `cli lesson check cagrad-toy` judges it:
 * CAGrad reaches the mean-loss minimum, MGDA and PCGrad stop on the Pareto set away from it.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LESSONS_DIR, loadLesson } from '../lessons/load-lesson';
import { CAGRAD_TOY_SEEDS, cagradToyCheck } from './cagrad-toy';
import { runLessonCheck } from './run-check';

// The backend test/setup-tf.ts made current (cpu): the toy trains as fast there as on wasm, and the engine
// may not import a backend entry point (.dependency-cruiser.cjs). `cli lesson check` runs the same on wasm.
const read = (file: string) => readFile(`${LESSONS_DIR}/${file}`, 'utf8');

describe('lesson cagrad-toy: where do methods stop?', () => {
  it('holds in most seeds, each holding seed by the numbers it reports', async () => {
    const verdict = await runLessonCheck(cagradToyCheck, await loadLesson('cagrad-toy', read));
    expect(verdict.seeds.map((s) => s.seed)).toEqual([...CAGRAD_TOY_SEEDS]);
    expect(verdict.holds).toBe(true);
    for (const { holds, numbers } of verdict.seeds) {
      if (!holds) continue;
      const n = numbers.starts ?? 0;
      expect(n).toBe(5);
      expect(numbers['cagrad.atMinimum']).toBeGreaterThanOrEqual(n - 1);
      expect(numbers['mgda.stoppedAway']).toBeGreaterThanOrEqual(3);
      expect(numbers['pcgrad.stoppedAway']).toBeGreaterThanOrEqual(3);
      // The medians tell the same story: CAGrad at the minimum, the others well above it.
      expect(numbers['cagrad.medianGap']).toBeLessThan(0.01);
      expect(numbers['mgda.medianGap']).toBeGreaterThan(0.1);
      expect(numbers['pcgrad.medianGap']).toBeGreaterThan(0.1);
    }
  });
});
