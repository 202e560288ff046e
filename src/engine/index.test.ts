import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ConfigError, createTrainer, parseConfig } from './index';

describe('engine entry', () => {
  it('parses a config, trains it and frees everything', async () => {
    const before = tf.memory().numTensors;
    const trainer = createTrainer(parseConfig({ steps: 4, reportEvery: 2, seed: 3 }));
    await trainer.step(2);
    const report = await trainer.report();
    expect(report.step).toBe(2);
    expect(report.tasks.every((t) => Number.isFinite(t.trainLoss))).toBe(true);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a bad config with a ConfigError naming the field', () => {
    expect(() => parseConfig({ method: { id: 'nope' } })).toThrow(ConfigError);
    expect(() => parseConfig({ method: { id: 'nope' } })).toThrow(/method\.id/);
  });
});
