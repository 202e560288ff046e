import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LESSONS_DIR, loadLesson } from '../lessons/load-lesson';
import { runLessonCheck } from './run-check';
import { MIN_GAIN, shareTheTopCheck, SHARE_THE_TOP_SEEDS } from './share-the-top';

// Run by `npm run test:lessons` on WASM (vitest.lessons.config.ts), as `cli lesson check` trains.
const read = (file: string) => readFile(`${LESSONS_DIR}/${file}`, 'utf8');

describe('lesson share-the-top: separate bottom, shared top on rotated domains', () => {
  it('holds in every seed: beats the shared bottom, closes most of the gap to independent nets', async () => {
    const verdict = await runLessonCheck(shareTheTopCheck, await loadLesson('share-the-top', read));
    expect(verdict.seeds.map((s) => s.seed)).toEqual([...SHARE_THE_TOP_SEEDS]);
    for (const { numbers: n, why, holds } of verdict.seeds) {
      expect(holds, why).toBe(true);
      // Task-specific parameters per domain, by hand (input 8, widths 16-16, linear head 16 + 1):
      // shared bottom: the head; separate bottom: + layer 1 (8·16 + 16); independent: + layer 2 (16·16 + 16).
      expect(n['sharedBottom.taskParams']).toBe(17);
      expect(n['separateBottom.taskParams']).toBe(17 + 144);
      expect(n['independent.taskParams']).toBe(17 + 144 + 272);
      const shared = n['sharedBottom.testLoss'] as number;
      const separate = n['separateBottom.testLoss'] as number;
      const independent = n['independent.testLoss'] as number;
      expect(n['separateBottom.gain']).toBeCloseTo((shared - separate) / shared, 3);
      expect(n['separateBottom.gain']).toBeGreaterThanOrEqual(MIN_GAIN);
      expect(separate).toBeLessThanOrEqual((shared + independent) / 2);
    }
    expect(verdict.holds).toBe(true);
  }, 600_000);
});
