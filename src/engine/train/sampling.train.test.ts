/**
 * Every sampling strategy through the real trainer: every task learns, the shares reported follow the
 * strategy, and methods that need every task's gradient keep working when steps leave tasks out.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import { SAMPLERS } from '../sampling/registry';
import type { Report } from './report';
import { createTrainer } from './trainer';

async function run(raw: Record<string, unknown>, steps: number): Promise<Report[]> {
  const trainer = createTrainer(parseConfig(raw));
  const reports = [await trainer.report()];
  try {
    while (trainer.stepCount < steps) {
      await trainer.step(50);
      reports.push(await trainer.report());
    }
  } finally {
    trainer.dispose();
  }
  return reports;
}

const separate = (sampling: Record<string, unknown>, method = 'ew') => ({
  task: { id: 'sinusoids', params: { inputs: 'separate', trainSamplesPerTask: [200, 800] } },
  method: { id: method },
  sampling,
  learningRate: 0.01,
  batchSize: 32,
  steps: 400,
  reportEvery: 50,
});

describe('sampling strategies in training', () => {
  for (const entry of SAMPLERS) {
    it(`${entry.id}: every task's test loss falls`, async () => {
      const params = entry.id === 'curriculum' ? { pace: 200, rescore: 50 } : {};
      const reports = await run(separate({ id: entry.id, params }), 400);
      const first = reports[0] as Report;
      const last = reports.at(-1) as Report;
      last.tasks.forEach((task, t) => {
        expect(Number.isFinite(task.testLoss)).toBe(true);
        expect(task.testLoss).toBeLessThan(0.9 * (first.tasks[t]?.testLoss ?? 0));
      });
      const shares = last.sampling?.total ?? [];
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    });
  }

  it('round-robin gives each task half of the steps; proportional follows the data sizes', async () => {
    const rr = (await run(separate({ id: 'round-robin' }), 200)).at(-1) as Report;
    rr.sampling?.total.forEach((s) => expect(s).toBeCloseTo(0.5, 2));
    const prop = (await run(separate({ id: 'proportional' }), 400)).at(-1) as Report;
    expect(prop.sampling?.total[1]).toBeGreaterThan(0.65); // 800 / 1000 expected, binomial noise over 400 steps
  });

  it('MGDA under round-robin reuses the left-out task gradient: both tasks learn, no zero update', async () => {
    const reports = await run(separate({ id: 'round-robin' }, 'mgda'), 400);
    const first = reports[0] as Report;
    const last = reports.at(-1) as Report;
    last.tasks.forEach((task, t) =>
      expect(task.testLoss).toBeLessThan(0.9 * (first.tasks[t]?.testLoss ?? 0)),
    );
    // The weights the method applied cover both tasks (a zero row would have given all weight to it).
    last.weights.forEach((w) => expect(w).toBeGreaterThan(0.05));
    // Telemetry shows the left-out task at its last gradient, not as a zero row (which reads as no conflict).
    last.gradients.norms.forEach((n) => expect(n).toBeGreaterThan(0));
  });

  it('refuses sampling strategies on an objective suite, naming the field', () => {
    expect(() => parseConfig({ task: { id: 'toy' }, sampling: { id: 'uniform' } })).toThrow(ConfigError);
    expect(() => parseConfig({ task: { id: 'toy' }, sampling: { id: 'uniform' } })).toThrow(/sampling\.id: /);
  });
});
