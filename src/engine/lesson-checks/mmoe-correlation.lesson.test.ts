import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LESSONS_DIR, loadLesson } from '../lessons/load-lesson';
import { MIN_DROP, mmoeCorrelationCheck, MMOE_CORRELATION_SEEDS, NOISE_FACTOR } from './mmoe-correlation';
import { runLessonCheck } from './run-check';

// Run by `npm run test:lessons` on WASM (vitest.lessons.config.ts), as `cli lesson check` trains.
const read = (file: string) => readFile(`${LESSONS_DIR}/${file}`, 'utf8');

describe('lesson mmoe-correlation: as p falls every model loses, the shared bottom the most, MMoE the least', () => {
  it('holds in most seeds, MMoE loses less in every seed, and each verdict follows its own numbers', async () => {
    const verdict = await runLessonCheck(mmoeCorrelationCheck, await loadLesson('mmoe-correlation', read));
    expect(verdict.seeds.map((s) => s.seed)).toEqual([...MMOE_CORRELATION_SEEDS]);
    for (const { numbers: n, holds, why } of verdict.seeds) {
      const drop = (model: string) =>
        (n[`${model}.endLoss.p0.5`] as number) - (n[`${model}.endLoss.p1`] as number);
      for (const model of ['sharedBottom', 'mmoe', 'independent'])
        expect(n[`${model}.drop`]).toBeCloseTo(drop(model), 3);
      // Independent nets: task 1 has the same data, batches and initial weights at both ends of the dial,
      // and no other task reaches its weights, so its test loss is the same number.
      expect(n['independent.task1.testLoss.p0.5']).toBe(n['independent.task1.testLoss.p1']);
      // Measured in seeds 1-5: MMoE is below the shared bottom at both ends and loses less, every seed.
      const mmoeBetter = ['p1', 'p0.5'].every(
        (p) => (n[`mmoe.endLoss.${p}`] as number) < (n[`sharedBottom.endLoss.${p}`] as number),
      );
      const mmoeLosesLess = drop('mmoe') < drop('sharedBottom');
      expect(mmoeBetter, why).toBe(true);
      expect(mmoeLosesLess, why).toBe(true);
      const shared = drop('sharedBottom');
      const loses = shared >= MIN_DROP && shared >= NOISE_FACTOR * Math.abs(drop('independent'));
      expect(holds).toBe(loses && mmoeBetter && mmoeLosesLess);
    }
    // Seeds 2 and 3 hold; in seed 1 the independent nets' noise (|Δ| 0.0082) exceeds half the shared
    // bottom's Δ (0.0143), so the check's strict majority (2 of 3) is what it passes on.
    expect(verdict.holds, verdict.seeds.map((s) => s.why).join('\n')).toBe(true);
  }, 900_000);
});
