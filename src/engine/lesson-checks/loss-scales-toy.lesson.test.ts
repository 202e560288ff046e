/**
 * Lesson 2's finding (Navon et al., ICML 2022, §6.1), as `cli lesson check loss-scales-toy` judges it:
 * with L1 scaled by 0.1, equal weights are dragged towards the large loss and MGDA towards the small one,
 * while IMTL-G and Nash-MTL end where they ended with equal scales.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LESSONS_DIR, loadLesson } from '../lessons/load-lesson';
import { DRAG, LOSS_SCALES_TOY_SEEDS, lossScalesToyCheck, STAY } from './loss-scales-toy';
import { runLessonCheck } from './run-check';

// The backend test/setup-tf.ts made current (cpu): the toy trains as fast there as on wasm, and the engine
// may not import a backend entry point (.dependency-cruiser.cjs). `cli lesson check` runs the same on wasm.
const read = (file: string) => readFile(`${LESSONS_DIR}/${file}`, 'utf8');

describe('lesson loss-scales-toy: unequal loss scales', () => {
  it('holds in most seeds, each holding seed by the numbers it reports', async () => {
    const verdict = await runLessonCheck(lossScalesToyCheck, await loadLesson('loss-scales-toy', read));
    expect(verdict.seeds.map((s) => s.seed)).toEqual([...LOSS_SCALES_TOY_SEEDS]);
    expect(verdict.holds).toBe(true);
    for (const { holds, numbers } of verdict.seeds) {
      if (!holds) continue;
      const ew = numbers['ew.medianShift'] ?? NaN;
      expect(ew).toBeLessThanOrEqual(-DRAG);
      expect(numbers['mgda.medianShift']).toBeGreaterThanOrEqual(DRAG);
      expect(numbers['imtl-g.medianAbsShift']).toBeLessThanOrEqual(STAY * Math.abs(ew));
      expect(numbers['nash-mtl.medianAbsShift']).toBeLessThanOrEqual(STAY * Math.abs(ew));
    }
  });
});
