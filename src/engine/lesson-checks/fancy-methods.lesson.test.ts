import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { LESSONS_DIR, loadLesson } from '../lessons/load-lesson';
import { FANCY_METHODS_SEEDS, fancyMethodsCheck, GRADIENT_METHODS, repetitionSeeds } from './fancy-methods';
import { runLessonCheck } from './run-check';

// This check trains tens of runs: it needs the seeds of a setting batched on WASM (seed-group-runs.ts), as
// `cli lesson check` runs it; the engine may not pick a backend (.dependency-cruiser.cjs), so the lessons
// suite must make WASM current (vitest.lessons.config.ts). On tfjs's CPU backend it would take many minutes:
// skipped there, visibly.
const onWasm = tf.getBackend() === 'wasm';
const read = (file: string) => readFile(`${LESSONS_DIR}/${file}`, 'utf8');

describe('lesson fancy-methods: gradient methods are within seed noise of equal weights', () => {
  it.runIf(onWasm)(
    'runs three independent 5-seed studies, and most find the methods within noise',
    async () => {
      expect(repetitionSeeds(1)).toEqual([1, 2, 3, 4, 5]);
      expect(repetitionSeeds(3)).toEqual([21, 22, 23, 24, 25]);
      const verdict = await runLessonCheck(fancyMethodsCheck, await loadLesson('fancy-methods', read));
      expect(verdict.seeds.map((s) => s.seed)).toEqual([...FANCY_METHODS_SEEDS]);
      expect(verdict.holds).toBe(true);
      for (const { holds, numbers } of verdict.seeds) {
        const flags = Object.entries(numbers).filter(([k]) => k.endsWith('.withinNoise'));
        // Six settings besides EW: four gradient methods and two static weightings.
        expect(flags).toHaveLength(6);
        for (const id of GRADIENT_METHODS) expect(numbers[`${id}.withinNoise`]).toBeDefined();
        const within = flags.filter(([, v]) => v === 1).length;
        expect(numbers.withinNoise).toBe(within);
        // Most of the six (a strict majority: four) within noise is the finding.
        expect(numbers.withinNoiseNeeded).toBe(4);
        expect(holds).toBe(within >= 4);
      }
    },
    600_000,
  );
});
