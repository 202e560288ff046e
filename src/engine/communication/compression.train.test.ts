/**
 * The issue's expected finding, measured: on three linear regression tasks that share a 2-unit layer
 * (the linear-tasks preset, trained by plain SGD), 1-bit sign compression WITHOUT error feedback settles
 * somewhere else (the server's sum of scaled signs is a biased direction, so its fixed point is not the
 * joint optimum), while WITH error feedback it tracks full precision at 50 of fp32's 576 bits a message
 * (18 shared parameters: 18 sign bits + a 32-bit scale; the ratio tends to 1/32 as P grows).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import type { Selection } from '../config/types';
import { createTrainer } from '../train/trainer';
import type { Report } from '../train/report';
import { readFileSync } from 'node:fs';

const preset = JSON.parse(
  readFileSync(new URL('../../../public/presets/compression-sign.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

async function train(communication: Selection | undefined): Promise<Report> {
  const { communication: _, ...rest } = preset;
  const trainer = createTrainer(
    parseConfig({ ...rest, steps: 1000, ...(communication ? { communication } : {}) }),
  );
  await trainer.step(1000);
  const report = await trainer.report();
  trainer.dispose();
  return report;
}

const r2Sum = (r: Report) => r.tasks.reduce((s, t) => s + t.testMetric, 0);

describe('sign compression with and without error feedback (linear tasks, SGD)', () => {
  it('without error feedback loses test R²; with it, tracks fp32 at 50/576 of the bytes', async () => {
    const fp32 = await train(undefined);
    const plain = await train({ id: 'sign', params: { errorFeedback: false } });
    const ef = await train({ id: 'sign', params: { errorFeedback: true } });
    // Measured on WASM (seed 1, 1,000 steps): fp32 2.247, sign 1.940, sign + error feedback 2.246 (of 3).
    expect(r2Sum(plain)).toBeLessThan(r2Sum(fp32) - 0.15);
    expect(Math.abs(r2Sum(ef) - r2Sum(fp32))).toBeLessThan(0.03);
    expect(ef.communication?.ratio).toBeCloseTo(50 / 576, 10);
    expect(ef.communication?.bytesTotal).toBe((1000 * 3 * 50) / 8);
  });
});
