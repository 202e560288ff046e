import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { CheckpointError, type TrainerCheckpoint } from './checkpoint';
import type { Report } from './report';
import { createTrainer, type Trainer } from './trainer';

/** Everything a report says, health included (its memory of the run is saved too). */
const numbers = (report: Report) => report;

async function advance(trainer: Trainer, steps: number): Promise<Report> {
  await trainer.step(steps);
  return trainer.report();
}

/**
 * The run interrupted at step `at` and resumed from its checkpoint (after a JSON round trip, as a file or
 * storage would keep it) must report exactly what the uninterrupted run reports at `at + more`.
 */
async function resumedEqualsUninterrupted(raw: Record<string, unknown>, at = 12, more = 9) {
  const config = parseConfig({ steps: 100, batchSize: 16, ...raw });
  const whole = createTrainer(config);
  await whole.report(); // as the app and the CLI do at step 0
  await advance(whole, at);
  const expected = await advance(whole, more);
  whole.dispose();

  const first = createTrainer(config);
  await first.report();
  await advance(first, at);
  const checkpoint = JSON.parse(JSON.stringify(await first.checkpoint())) as TrainerCheckpoint;
  first.dispose();
  const before = tf.memory().numTensors;
  const resumed = createTrainer(checkpoint.config, { resume: checkpoint });
  expect(resumed.stepCount).toBe(at);
  const got = await advance(resumed, more);
  resumed.dispose();
  expect(tf.memory().numTensors).toBe(before);
  expect(numbers(got)).toEqual(numbers(expected));
  return expected;
}

describe('trainer checkpoints', () => {
  it('resume the default experiment with exactly the same numbers', async () => {
    await resumedEqualsUninterrupted({});
  });

  // 3 tasks (PCGrad's random order matters from 3 on) and 40 samples (batches of 16 start new shuffled
  // epochs every few steps): the resumed run must continue both random streams where they were.
  it('carry the random streams (PCGrad’s order, the epochs’ shuffles) and SGD momentum', async () => {
    await resumedEqualsUninterrupted({
      task: { id: 'sinusoids', params: { numTasks: 3, trainSamples: 40 } },
      method: { id: 'pcgrad' },
      optimizer: { id: 'sgd', params: { momentum: 0.9 } },
      learningRate: 0.005,
    });
  });

  it('carry learnable method parameters and their optimizer (uncertainty weighting) on sinusoids', async () => {
    await resumedEqualsUninterrupted({ task: { id: 'sinusoids' }, method: { id: 'uw' } });
  });

  it('carry a stateful method (DWA) and the affinity average', async () => {
    await resumedEqualsUninterrupted({ method: { id: 'dwa' }, isolation: { affinityEvery: 5 } });
  });

  it('carry a partial sampling strategy’s left-out tasks and an adaptive one’s view of the losses', async () => {
    await resumedEqualsUninterrupted({ sampling: { id: 'round-robin' }, method: { id: 'mgda' } });
    await resumedEqualsUninterrupted({ sampling: { id: 'bandit' } });
  });

  it('carry the health record, so a collapse is dated from where it began', async () => {
    // ReLU units switched off at learning rate 10: the health issue's `since` must survive the interruption.
    const report = await resumedEqualsUninterrupted({ learningRate: 10, batchSize: 64 }, 50, 50);
    expect(report.health?.[0]).toMatchObject({ kind: 'collapsed', since: 50 });
  });

  it('carry the toy’s start points', async () => {
    await resumedEqualsUninterrupted({ task: { id: 'toy' }, method: { id: 'cagrad' } });
  });

  it('keep a live method and learning-rate change', async () => {
    const config = parseConfig({ steps: 100, batchSize: 16 });
    const whole = createTrainer(config);
    await advance(whole, 5);
    whole.setMethod({ id: 'mgda', params: {} });
    whole.setLearningRate(0.003);
    await advance(whole, 5);
    const checkpoint = await whole.checkpoint();
    expect(checkpoint.config.method.id).toBe('mgda');
    expect(checkpoint.config.learningRate).toBe(0.003);
    const expected = await advance(whole, 6);
    whole.dispose();
    const resumed = createTrainer(checkpoint.config, { resume: checkpoint });
    const got = await advance(resumed, 6);
    resumed.dispose();
    expect(numbers(got)).toEqual(numbers(expected));
  });

  it('refuse a checkpoint of another config or format, allocating nothing', async () => {
    const config = parseConfig({ steps: 100, batchSize: 16 });
    const trainer = createTrainer(config);
    await advance(trainer, 2);
    const checkpoint = await trainer.checkpoint();
    trainer.dispose();
    const before = tf.memory().numTensors;
    const other = parseConfig({ steps: 100, batchSize: 16, seed: 2 });
    expect(() => createTrainer(other, { resume: checkpoint })).toThrow(/different config/);
    expect(() =>
      createTrainer(config, { resume: { ...checkpoint, version: 7 } as unknown as TrainerCheckpoint }),
    ).toThrow(/version 7; this app reads version 1/);
    const wrongShape = structuredClone(checkpoint);
    (wrongShape.parts.trainer as { tensors: Record<string, unknown> }).tensors.theta = {
      shape: [1, 3],
      values: [1, 2, 3],
    };
    expect(() => createTrainer(config, { resume: wrongShape })).toThrow(CheckpointError);
    expect(() => createTrainer(config, { resume: wrongShape })).toThrow(/trainer: tensor 'theta' has shape/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
