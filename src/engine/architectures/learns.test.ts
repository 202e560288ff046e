/**
 * Each newer architecture trains through the real trainer: a short run on a small suite in which every
 * task's test loss falls (default parameters, narrower layers to keep the run fast).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { createTrainer } from '../train/trainer';

/** Few steps: the CPU backend takes 10-30 ms a step here. */
const STEPS = 120;

const RUNS: [string, Record<string, unknown>, string][] = [
  ['mtan', { widths: [16, 16] }, 'sinusoids'],
  ['ltb', { widths: [16, 16] }, 'sinusoids'],
  ['lora', { widths: [16, 16], rank: 2 }, 'sinusoids'],
  ['film', { widths: [16, 16] }, 'sinusoids'],
  ['cgc', { expertWidths: [16] }, 'playground-2d'],
  ['ple', { expertWidths: [16] }, 'playground-2d'],
  ['dselect-k', { expertWidths: [16] }, 'playground-2d'],
  ['task-groups', { widths: [16, 16], groups: [0, 1] }, 'playground-2d'],
];

describe('the newer architectures learn', () => {
  it.each(RUNS)("%s: every task's test loss at least halves in 120 steps", async (id, params, task) => {
    const trainer = createTrainer(
      parseConfig({
        task: { id: task },
        architecture: { id, params },
        learningRate: 0.02,
        batchSize: 32,
        steps: STEPS,
        reportEvery: STEPS,
      }),
    );
    try {
      const first = await trainer.report();
      await trainer.step(STEPS);
      const last = await trainer.report();
      expect(last.step).toBe(STEPS);
      last.tasks.forEach((t, i) => {
        expect(Number.isFinite(t.testLoss)).toBe(true);
        // At least halved (measured: to 0.1-35% of the initial loss).
        expect(t.testLoss).toBeLessThan(0.5 * (first.tasks[i]?.testLoss ?? NaN));
      });
    } finally {
      trainer.dispose();
    }
  });
});
