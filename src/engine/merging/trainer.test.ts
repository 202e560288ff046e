import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { createTrainer } from '../train/trainer';
import type { ExperimentConfig } from '../config/types';
import type { TrainerCheckpoint } from '../train/checkpoint';
import type { Report } from '../train/report';
import { createMergeTrainer } from './trainer';

const config = (merging: object) =>
  parseConfig({
    task: {
      id: 'playground-2d',
      params: { patterns: ['gauss', 'xor'], trainSamples: 200, testSamples: 200 },
    },
    architecture: {
      id: 'layer-sharing',
      params: { widths: [8, 8], shared: [true, true], activation: 'tanh' },
    },
    batchSize: 16,
    steps: 40,
    reportEvery: 10,
    seed: 3,
    merging,
  });
const create = (c: ExperimentConfig, resume?: TrainerCheckpoint) =>
  createMergeTrainer(c, resume ? { resume } : {}, createTrainer);

/** The numbers a merging report carries (resume owes them bitwise). */
const numbers = (r: Report) => ({ tasks: r.tasks, merging: r.merging });

describe('the merging trainer', () => {
  it('reports specialists, merged and joint per task, every method, and interference per layer', async () => {
    const before = tf.memory().numTensors;
    const trainer = create(config({ id: 'ties', params: { topK: 50 } }));
    await trainer.step(10);
    const r = await trainer.report();
    const m = r.merging!;
    expect(trainer.stepCount).toBe(10);
    expect(m.method).toBe('ties');
    expect(m.tasks.map((t) => t.name)).toEqual(['gauss', 'xor']);
    expect(m.methods.map((x) => x.id)).toEqual(['average', 'task-arithmetic', 'ties']);
    // The report's tasks are the chosen merge's scores.
    expect(r.tasks.map((t) => t.testLoss)).toEqual(m.tasks.map((t) => t.merged.loss));
    expect(m.methods[2]!.tasks).toEqual(m.tasks.map((t) => t.merged));
    expect(m.interference.map((l) => l.layer)).toEqual([...trainer.info.sharedLayers, 'all']);
    for (const l of m.interference) expect(l.signConflict).toBeGreaterThanOrEqual(0);
    // Specialists differ from the joint model (each trained on its own task only).
    expect(m.tasks[0]!.specialist.loss).not.toBe(m.tasks[0]!.joint.loss);
    const out = await trainer.predict(new Float32Array([0.1, 0.2, -0.3, 0.4]), 2);
    expect(out).toHaveLength(2 * 2 * 1);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the joint model is exactly the usual trainer at the same steps', async () => {
    const c = config({ id: 'average' });
    const merging = create(c);
    const { merging: _m, ...rest } = c;
    const joint = createTrainer(parseConfig(rest));
    await merging.step(12);
    await joint.step(12);
    const [m, j] = [await merging.report(), await joint.report()];
    expect(m.merging!.tasks.map((t) => t.joint)).toEqual(
      j.tasks.map((t) => ({ loss: t.testLoss, metric: t.testMetric })),
    );
    merging.dispose();
    joint.dispose();
  });

  it('before the warm-up ends every model is the joint one; after it, resume gives the same numbers', async () => {
    const before = tf.memory().numTensors;
    const c = config({ id: 'task-arithmetic', params: { warmupSteps: 8, lambda: 0.7 } });
    const a = create(c);
    await a.step(5);
    const early = (await a.report()).merging!;
    // No split yet: specialists are the joint model, task vectors are zero, every merge is θ0 = joint.
    for (const t of early.tasks) {
      expect(t.specialist).toEqual(t.joint);
      expect(t.merged.loss).toBeCloseTo(t.joint.loss, 5);
    }
    expect(early.interference.every((l) => l.compared === 0)).toBe(true);
    const atFive = await a.checkpoint();
    await a.step(6); // crosses the split at step 8
    const atEleven = await a.checkpoint();
    await a.step(4);
    const straight = numbers(await a.report());

    const b = create(atFive.config, atFive);
    await b.step(6);
    await b.step(4);
    expect(numbers(await b.report())).toEqual(straight);
    const c2 = create(atEleven.config, JSON.parse(JSON.stringify(atEleven)) as TrainerCheckpoint);
    expect(c2.stepCount).toBe(11);
    await c2.step(4);
    expect(numbers(await c2.report())).toEqual(straight);
    for (const t of [a, b, c2]) t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('at the split every specialist starts from the joint model (θ0 = the joint parameters)', async () => {
    const c = config({ id: 'average', params: { warmupSteps: 8 } });
    const a = create(c);
    await a.step(8);
    const atSplit = (await a.report()).merging!;
    for (const t of atSplit.tasks) expect(t.specialist.loss).toBeCloseTo(t.joint.loss, 6);
    await a.step(2);
    const after = (await a.report()).merging!;
    expect(after.tasks[0]!.specialist.loss).not.toBeCloseTo(after.tasks[0]!.joint.loss, 6);
    expect(after.interference.at(-1)!.compared).toBeGreaterThan(0);
    a.dispose();
  });

  it('refuses a checkpoint of another config, allocating nothing', async () => {
    const a = create(config({ id: 'average' }));
    const saved = await a.checkpoint();
    a.dispose();
    const before = tf.memory().numTensors;
    expect(() => create(config({ id: 'ties' }), saved)).toThrow(/different config/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
