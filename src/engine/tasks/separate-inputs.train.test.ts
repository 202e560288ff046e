/** Separate, imbalanced, noisy task data through the real trainer (the path the CLI and the app take). */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import type { Report } from '../train/report';
import { createTrainer } from '../train/trainer';

const imbalanced = {
  task: {
    id: 'sinusoids',
    params: {
      inputs: 'separate',
      trainSamplesPerTask: [20, 2000],
      labelNoise: [0, 0.2],
      corruptFraction: [0, 0.3],
      testSamples: 500,
    },
  },
  architecture: {
    id: 'layer-sharing',
    params: { widths: [32, 32], shared: [true, false], activation: 'tanh' },
  },
  learningRate: 0.01,
  batchSize: 16,
  steps: 300,
  reportEvery: 100,
};

describe('separate, imbalanced inputs in the trainer', () => {
  it("every task's test loss falls with counts [20, 2000] and a noisy task", async () => {
    const trainer = createTrainer(parseConfig(imbalanced));
    const reports: Report[] = [await trainer.report()];
    try {
      while (trainer.stepCount < 300) {
        await trainer.step(100);
        reports.push(await trainer.report());
      }
    } finally {
      trainer.dispose();
    }
    const [first, last] = [reports[0]!, reports[reports.length - 1]!];
    expect(last.step).toBe(300);
    last.tasks.forEach((task, t) => {
      expect(Number.isFinite(task.testLoss)).toBe(true);
      expect(task.testLoss).toBeLessThan(first.tasks[t]!.testLoss * 0.8);
    });
  });

  it('rejects a batch larger than the smallest task, naming batchSize', () => {
    expect(() => createTrainer(parseConfig({ ...imbalanced, batchSize: 32 }))).toThrow(ConfigError);
    expect(() => createTrainer(parseConfig({ ...imbalanced, batchSize: 32 }))).toThrow(
      'batchSize: expected at most the training samples per task (20), got 32',
    );
  });
});
