/** The shared-bottom cache in the trainer: exactness at refreshEvery 1, frozen bottoms, checkpoints, leaks. */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import type { TrainerCheckpoint } from '../train/checkpoint';
import { createTrainer, type Trainer } from '../train/trainer';

/** playground-2d with a two-layer shared bottom; 96 training examples, so batches of 16 revisit rows. */
const base = {
  task: { id: 'playground-2d', params: { trainSamples: 96, testSamples: 200 } },
  architecture: { id: 'layer-sharing', params: { widths: [8, 6], shared: [true, true] } },
  batchSize: 16,
  steps: 100,
  seed: 3,
};
const withCache = (params: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  parseConfig({ ...base, ...extra, embeddingCache: { id: 'bottom-cache', params } });

async function run(trainer: Trainer, steps: number) {
  await trainer.step(steps);
  return trainer.report();
}

/** θ as the checkpoint saves it (the trainer's own state). */
async function theta(trainer: Trainer): Promise<number[]> {
  const parts = (await trainer.checkpoint()).parts as Record<
    string,
    { tensors: Record<string, { values: number[] }> }
  >;
  return parts.trainer?.tensors.theta?.values ?? [];
}

/** Task 0's first head tensor, as the checkpoint saves it. */
async function heads(trainer: Trainer): Promise<number[]> {
  const parts = (await trainer.checkpoint()).parts as Record<
    string,
    { tensors: Record<string, { values: number[] }> }
  >;
  return parts.trainer?.tensors.task0?.values ?? [];
}

describe('bottom-cache in the trainer', () => {
  it('refreshEvery 1 gives exactly the uncached run: every row a miss', async () => {
    const plain = createTrainer(parseConfig(base));
    const cached = createTrainer(withCache({ refreshEvery: 1 }));
    const [a, b] = [await run(plain, 30), await run(cached, 30)];
    expect(b.tasks).toEqual(a.tasks);
    expect(b.gradients).toEqual(a.gradients);
    expect(await theta(cached)).toEqual(await theta(plain));
    expect(b.embeddingCache).toMatchObject({ hits: 0, rows: 30 * 16, hitRate: 0, stepHitRate: 0 });
    expect(b.embeddingCache?.flopsSaved).toBe(0);
    plain.dispose();
    cached.dispose();
  });

  it('a whole-set batch hits for refreshEvery − 1 steps after each refresh; the counts add up', async () => {
    const config = { ...base, task: { id: 'playground-2d', params: { trainSamples: 32, testSamples: 200 } } };
    const plain = createTrainer(parseConfig({ ...config, batchSize: 32 }));
    const cached = createTrainer(
      parseConfig({
        ...config,
        batchSize: 32,
        embeddingCache: { id: 'bottom-cache', params: { refreshEvery: 3 } },
      }),
    );
    const [a, b] = [await run(plain, 24), await run(cached, 24)];
    // Every step sees all 32 examples: steps 0, 3, 6, ... recompute them, the two after reuse them (ages 1, 2).
    const c = b.embeddingCache;
    expect(c).toMatchObject({ hits: 16 * 32, rows: 24 * 32, stepHitRate: 1, meanStaleness: 1.5 });
    expect(c?.hitRate).toBeCloseTo(2 / 3, 12);
    // Per row: 2·2·8 + 2·8·6 = 128 forward; 2·2·8 + 2·2·8·6 = 224 backward, for each of the 2 tasks.
    expect(c?.flopsSaved).toBe(16 * 32 * (128 + 2 * 224));
    expect(c?.flopsSpent).toBe(8 * 32 * (128 + 2 * 224));
    expect(c?.withinStepFlopsSaved).toBe(24 * 32 * 128);
    expect(b.tasks[0]?.testLoss).not.toBe(a.tasks[0]?.testLoss);
    plain.dispose();
    cached.dispose();
  });

  it('a frozen bottom stops moving after the warm-up (Adam momentum included) and then hits every seen row', async () => {
    const trainer = createTrainer(withCache({ frozen: true, warmupSteps: 5 }));
    await trainer.step(5);
    const atFreeze = await theta(trainer);
    const headsAtFreeze = await heads(trainer);
    await trainer.step(13);
    const later = await theta(trainer);
    // Both hidden layers are shared: θ is the whole bottom; the heads (task parameters) still learn.
    expect(later).toEqual(atFreeze);
    expect(await heads(trainer)).not.toEqual(headsAtFreeze);
    const report = (await trainer.report()).embeddingCache;
    // Steps 0-4 train (misses); 5-10 compute each of the 96 rows once with the frozen bottom; 11-17 hit.
    expect(report).toMatchObject({ hits: 7 * 16, rows: 18 * 16, stepHitRate: 1, frozen: true });
    trainer.dispose();
  });

  it('a resumed run continues with the same cache: the same numbers as the uninterrupted run', async () => {
    const config = withCache({ refreshEvery: 7 });
    const whole = createTrainer(config);
    await run(whole, 9);
    const expected = await run(whole, 10);
    whole.dispose();
    const first = createTrainer(config);
    await run(first, 9);
    const checkpoint = JSON.parse(JSON.stringify(await first.checkpoint())) as TrainerCheckpoint;
    first.dispose();
    const resumed = createTrainer(checkpoint.config, { resume: checkpoint });
    expect(await run(resumed, 10)).toEqual(expected);
    resumed.dispose();
  });

  it('separate inputs (one row per task and example): refreshEvery 1 is the uncached run exactly', async () => {
    const config = {
      task: { id: 'sinusoids', params: { numTasks: 3, trainSamples: 40, inputs: 'separate' } },
      architecture: { id: 'layer-sharing', params: { widths: [8, 8], shared: [true, false] } },
      batchSize: 8,
    };
    const plain = createTrainer(parseConfig(config));
    const cached = createTrainer(
      parseConfig({ ...config, embeddingCache: { id: 'bottom-cache', params: { refreshEvery: 1 } } }),
    );
    const [a, b] = [await run(plain, 15), await run(cached, 15)];
    expect(b.tasks).toEqual(a.tasks);
    expect(await theta(cached)).toEqual(await theta(plain));
    plain.dispose();
    cached.dispose();
  });

  it('leaks no tensor: separate inputs, MGDA-UB on the representation, hits and misses', async () => {
    const before = tf.memory().numTensors;
    const trainer = createTrainer(
      parseConfig({
        task: { id: 'sinusoids', params: { numTasks: 3, trainSamples: 40, inputs: 'separate' } },
        architecture: { id: 'layer-sharing', params: { widths: [8, 8], shared: [true, false] } },
        batchSize: 8,
        method: { id: 'mgda', params: { variant: 'ub' } },
        embeddingCache: { id: 'bottom-cache', params: { refreshEvery: 4 } },
      }),
    );
    await trainer.report();
    const report = await run(trainer, 12);
    expect(report.embeddingCache?.hits).toBeGreaterThan(0);
    expect(report.tasks.every((t) => Number.isFinite(t.testLoss))).toBe(true);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
