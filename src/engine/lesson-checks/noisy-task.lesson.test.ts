import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { LESSONS_DIR, loadLesson } from '../lessons/load-lesson';
import {
  CLEARLY_WORSE,
  MECHANISMS_NEEDED,
  MOST_OF_THE_WAY,
  noisyTaskCheck,
  NOISY_TASK_SEEDS,
} from './noisy-task';
import { runLessonCheck } from './run-check';

// This check trains tens of runs: it needs the seeds of a setting batched on WASM (seed-group-runs.ts), as
// `cli lesson check` runs it; the engine may not pick a backend (.dependency-cruiser.cjs), so the lessons
// suite must make WASM current (vitest.lessons.config.ts). On tfjs's CPU backend it would take many minutes:
// skipped there, visibly.
const onWasm = tf.getBackend() === 'wasm';
const read = (file: string) => readFile(`${LESSONS_DIR}/${file}`, 'utf8');

describe('lesson noisy-task: a noisy, data-rich task hurts a clean, small one', () => {
  it.runIf(onWasm)(
    'holds in every seed: the corrupted task multiplies task 1 loss, and two isolations undo most of it',
    async () => {
      const verdict = await runLessonCheck(noisyTaskCheck, await loadLesson('noisy-task', read));
      expect(verdict.seeds.map((s) => s.seed)).toEqual([...NOISY_TASK_SEEDS]);
      // Measured: every seed holds by a wide margin (damage 6-31x, every recovery at least 93%).
      for (const { numbers, why, holds } of verdict.seeds) {
        expect(holds, why).toBe(true);
        expect(numbers.damageRatio).toBeGreaterThanOrEqual(CLEARLY_WORSE);
        expect(numbers.mechanismsRecovered).toBeGreaterThanOrEqual(MECHANISMS_NEEDED);
        // Recovery is measured between the two ends: the corrupted loss (0%) and the clean one (100%).
        for (const m of ['unshared', 'masked', 'clipped']) {
          const loss = numbers[`task1.${m}`] as number;
          const expected =
            ((numbers['task1.corrupted'] as number) - loss) /
            ((numbers['task1.corrupted'] as number) - (numbers['task1.clean'] as number));
          expect(numbers[`${m}.recovery`]).toBeCloseTo(expected, 2);
        }
      }
      expect(verdict.holds).toBe(true);
      expect(MOST_OF_THE_WAY).toBeGreaterThan(0.5);
    },
    300_000,
  );
});
