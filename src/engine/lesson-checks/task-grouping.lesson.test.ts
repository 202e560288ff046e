import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LESSONS_DIR, loadLesson } from '../lessons/load-lesson';
import { runLessonCheck } from './run-check';
import { latentPairing, TASK_GROUPING_SEEDS, taskGroupingCheck } from './task-grouping';

// Three runs of 500 steps, one by one (the affinity measurement does not batch seeds): fine on any backend.
const read = (file: string) => readFile(`${LESSONS_DIR}/${file}`, 'utf8');

describe('lesson task-grouping: the lookahead affinity recovers two latent pairs of tasks', () => {
  it('reads the latent pairs from the patterns, and the affinity recovers them in most seeds', async () => {
    const lesson = await loadLesson('task-grouping', read);
    expect(latentPairing(lesson)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    const verdict = await runLessonCheck(taskGroupingCheck, lesson);
    expect(verdict.seeds.map((s) => s.seed)).toEqual([...TASK_GROUPING_SEEDS]);
    expect(verdict.holds).toBe(true);
    for (const { holds, numbers } of verdict.seeds) {
      expect(holds).toBe(
        numbers.recovered === 1 && (numbers.minWithinPair as number) > (numbers.maxAcrossPairs as number),
      );
      // 500 steps sampled every 5: 100 samples averaged.
      expect(numbers.samples).toBe(100);
    }
  });
});
