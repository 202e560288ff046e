import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { LESSONS_DIR, loadLesson } from '../lessons/load-lesson';
import { MULTI_MNIST_METHODS_SEEDS, multiMnistMethodsCheck, SAME_AS_EW } from './multi-mnist-methods';
import { runLessonCheck } from './run-check';

// Nine MultiMNIST runs (three methods x three seeds, the seeds of a method batched): on WASM, as `cli lesson
// check` runs it (vitest.lessons.config.ts); on tfjs's CPU backend it would take many minutes: skipped there.
const onWasm = tf.getBackend() === 'wasm';
const read = (file: string) => readFile(`${LESSONS_DIR}/${file}`, 'utf8');

describe('lesson multi-mnist-methods: PCGrad and MGDA end where equal weights end', () => {
  it.runIf(onWasm)(
    'every seed: both digits learned, every method within SAME_AS_EW points of equal weights',
    async () => {
      const verdict = await runLessonCheck(
        multiMnistMethodsCheck,
        await loadLesson('multi-mnist-methods', read),
      );
      expect(verdict.seeds.map((s) => s.seed)).toEqual([...MULTI_MNIST_METHODS_SEEDS]);
      expect(verdict.holds).toBe(true);
      for (const { numbers } of verdict.seeds) {
        for (const method of ['ew', 'pcgrad', 'mgda'])
          for (const t of [0, 1]) {
            // Far above chance (10%), below the paper's full-budget 95–97%.
            expect(numbers[`${method}.accuracy.${t}`]).toBeGreaterThan(80);
            expect(numbers[`${method}.accuracy.${t}`]).toBeLessThan(92);
          }
        expect(numbers.maxGap).toBeLessThanOrEqual(SAME_AS_EW);
      }
    },
    600_000,
  );
});
