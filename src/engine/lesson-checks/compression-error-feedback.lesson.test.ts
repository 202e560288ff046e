import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { LESSONS_DIR, loadLesson } from '../lessons/load-lesson';
import {
  CLEARLY_WORSE,
  COMPRESSION_EF_SEEDS,
  compressionErrorFeedbackCheck,
  MAX_RATIO,
  MIN_GAP,
  TRACKS,
} from './compression-error-feedback';
import { runLessonCheck } from './run-check';

// Nine short runs (three settings, three seeds; the communication section trains its seeds one by one). On
// tfjs's CPU backend it would take minutes: skipped there, visibly, as the other lesson checks.
const onWasm = tf.getBackend() === 'wasm';
const read = (file: string) => readFile(`${LESSONS_DIR}/${file}`, 'utf8');

describe('lesson compression-error-feedback: 1-bit gradients need error feedback', () => {
  it.runIf(onWasm)(
    'holds in every seed: sign alone settles clearly above fp32, sign with error feedback tracks it at ~1/30 of the bytes',
    async () => {
      const verdict = await runLessonCheck(
        compressionErrorFeedbackCheck,
        await loadLesson('compression-error-feedback', read),
      );
      expect(verdict.seeds.map((s) => s.seed)).toEqual([...COMPRESSION_EF_SEEDS]);
      for (const { numbers, why, holds } of verdict.seeds) {
        expect(holds, why).toBe(true);
        const fp32 = numbers['fp32.testLoss'] as number;
        const sign = numbers['sign.testLoss'] as number;
        const signEF = numbers['signEF.testLoss'] as number;
        expect(sign).toBeGreaterThanOrEqual(CLEARLY_WORSE * fp32);
        expect(sign - fp32).toBeGreaterThanOrEqual(MIN_GAP);
        expect(Math.abs(signEF - fp32)).toBeLessThanOrEqual(TRACKS * fp32 * 1.001);
        // 455 shared parameters (64 inputs + a bias, times 7 units): (455 + 32) / (32 · 455) bits.
        expect(numbers.bytesRatio).toBeCloseTo(487 / 14560, 4);
        expect(numbers.bytesRatio).toBeLessThanOrEqual(MAX_RATIO);
      }
      expect(verdict.holds).toBe(true);
    },
    300_000,
  );
});
