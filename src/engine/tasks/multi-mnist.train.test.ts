/**
 * MultiMNIST learns (issue 14): a shared-bottom MLP on the real digits (the `mnist` package, loaded by the
 * Node test setup) reads both digits far above chance (10%) after a few hundred steps, on the fused
 * softmax cross-entropy of train/ and kernels/; and the health watch does not call 10-class accuracy in
 * the 40s "at chance" (its chance level is 1.5/10, not the binary 0.6).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { createTrainer } from '../train/trainer';

describe('multi-mnist trains', () => {
  it('reaches well above chance on both digits, reports softmax cross-entropy, stays healthy', async () => {
    const config = parseConfig({
      task: { id: 'multi-mnist', params: { trainSamples: 1000, testSamples: 300 } },
      architecture: { id: 'layer-sharing', params: { widths: [32], shared: [true] } },
      learningRate: 0.003,
      batchSize: 64,
      steps: 200,
      reportEvery: 100,
    });
    const trainer = createTrainer(config);
    try {
      const first = await trainer.report();
      // An untrained net's cross-entropy over 10 classes is about log 10.
      first.tasks.forEach((t) => expect(t.trainLoss).toBeGreaterThan(1.5));
      expect(trainer.info.tasks.map((t) => t.chance)).toEqual([0.15, 0.15]);
      let last = first;
      while (trainer.stepCount < config.steps) {
        await trainer.step(100);
        last = await trainer.report();
      }
      expect(last.tasks.map((t) => t.name)).toEqual(['left digit', 'right digit']);
      for (const task of last.tasks) {
        expect(task.testMetric).toBeGreaterThan(0.5);
        expect(task.trainLoss).toBeLessThan(first.tasks[0]?.trainLoss ?? 0);
      }
      expect(last.health ?? []).toEqual([]);
    } finally {
      trainer.dispose();
    }
  });
});
