/**
 * The meta trainer keeps the Trainer contract: reports with the adaptation evaluation, a checkpoint that
 * resumes to the same numbers, same seed same numbers, no leaked tensors, and bad settings named by field.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import type { TrainerCheckpoint } from '../train/checkpoint';
import { createTrainer } from '../train/trainer';

const raw = (id: string, extra: object = {}) => ({
  task: { id: 'sine-family', params: { trainSines: 20, testSines: 2, gridPoints: 12, adaptSteps: 3 } },
  architecture: { id: 'layer-sharing', params: { widths: [8, 8], shared: [true, true], activation: 'relu' } },
  optimizer: { id: 'adam' },
  learningRate: 0.01,
  batchSize: 10,
  seed: 4,
  meta: { id, params: { metaBatch: 3, shots: 5, queries: 4 } },
  ...extra,
});

async function run(id: string, steps: number) {
  const trainer = createTrainer(parseConfig(raw(id)));
  await trainer.step(steps);
  const report = await trainer.report();
  trainer.dispose();
  return report;
}

describe('meta trainer', () => {
  for (const id of ['maml', 'fomaml', 'reptile']) {
    it(`${id}: reports the adaptation evaluation, leaks nothing, repeats itself under a seed`, async () => {
      const before = tf.memory().numTensors;
      const a = await run(id, 4);
      expect(tf.memory().numTensors).toBe(before);
      const b = await run(id, 4);
      expect(b).toEqual(a);
      const meta = a.meta;
      if (!meta) throw new Error('no meta report');
      expect(meta.learner).toBe(id);
      expect(meta.lossAfterSteps).toHaveLength(4);
      expect(meta).toMatchObject({ shots: 10, adaptLr: 0.01, heldOut: 2 });
      expect(meta.fits).toHaveLength(2);
      expect(meta.fits[0]?.fits.map((f) => f.steps)).toEqual([0, 1, 3]);
      expect(meta.fits[0]?.x).toHaveLength(12);
      expect(a.tasks[0]?.testLoss).toBeCloseTo(meta.lossAfterSteps[0] as number, 6);
      expect(a.tasks[0]?.trainLoss).toBeCloseTo(meta.metaTrainLoss as number, 6);
      expect(a.step).toBe(4);
    });
  }

  it('resumes from a checkpoint with exactly the numbers of an uninterrupted run', async () => {
    const config = parseConfig(raw('maml'));
    const straight = createTrainer(config);
    await straight.step(5);
    const expected = await straight.report();
    straight.dispose();

    const first = createTrainer(config);
    await first.step(2);
    const saved = JSON.parse(JSON.stringify(await first.checkpoint())) as TrainerCheckpoint;
    first.dispose();
    const resumed = createTrainer(saved.config, { resume: saved });
    expect(resumed.stepCount).toBe(2);
    await resumed.step(3);
    // The loss average since the last report spans the resumed steps only; everything else must match.
    const got = await resumed.report();
    resumed.dispose();
    expect(got.meta?.lossAfterSteps).toEqual(expected.meta?.lossAfterSteps);
    expect(got.meta?.fits).toEqual(expected.meta?.fits);
    expect(got.gradients.norms).toEqual(expected.gradients.norms);
  });

  it('predicts with the current start and takes a new learning rate', async () => {
    const trainer = createTrainer(parseConfig(raw('reptile', { optimizer: { id: 'sgd' } })));
    const out = await trainer.predict(Float32Array.from([-1, 0, 1]), 3);
    expect(out).toHaveLength(3);
    trainer.setLearningRate(0.5);
    expect(trainer.config.learningRate).toBe(0.5);
    trainer.dispose();
  });

  it('names the field of every bad setting', () => {
    const issues = (config: object) => {
      try {
        parseConfig(config);
        return [];
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return error.issues.map((i) => `${i.path}: ${i.message}`);
      }
    };
    expect(issues({ ...raw('maml'), task: { id: 'sinusoids' } })).toEqual([
      "meta.id: meta-learning samples its tasks from a task family; task 'sinusoids' is not one",
    ]);
    const tanh = raw('maml', {
      architecture: { id: 'layer-sharing', params: { widths: [8], shared: [true], activation: 'tanh' } },
    });
    expect(issues(tanh)).toEqual([
      "meta.id: MAML differentiates through the inner steps, and tfjs's 'tanh' gradient is not differentiable again",
    ]);
    expect(issues({ ...tanh, meta: { id: 'fomaml' } })).toEqual([]);
    expect(issues({ ...raw('maml'), meta: { id: 'maml', params: { metaBatch: 0 } } })[0]).toMatch(
      /^meta\.params\.metaBatch: /,
    );
    expect(issues({ ...raw('maml'), architecture: { id: 'mmoe' } })[0]).toMatch(
      /^meta\.id: meta-learning adapts a plain MLP/,
    );
  });
});
