/**
 * The channel inside the trainer: `none` changes nothing, a checkpoint carries the residuals, telemetry and
 * random streams (resume gives the same numbers), no tensor leaks, the report's bytes, and a k that does
 * not fit the model is refused with a line naming the field.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import type { TrainerCheckpoint } from '../train/checkpoint';
import type { Report } from '../train/report';
import { createTrainer } from '../train/trainer';

const base = { steps: 100, batchSize: 16, reportEvery: 5 };

async function reports(raw: Record<string, unknown>, steps = 10): Promise<Report[]> {
  const trainer = createTrainer(parseConfig({ ...base, ...raw }));
  const out = [await trainer.report()];
  for (let s = 0; s < steps; s += 5) {
    await trainer.step(5);
    out.push(await trainer.report());
  }
  trainer.dispose();
  return out;
}

describe('communication in the trainer', () => {
  it("id 'none' trains exactly as without the section", async () => {
    const without = await reports({});
    const none = await reports({ communication: { id: 'none' } });
    expect(none).toEqual(without);
  });

  it('changes the run when a compressor is on, and reports its bytes against fp32', async () => {
    const without = await reports({});
    const sign = await reports({ communication: { id: 'sign', params: { errorFeedback: true } } });
    expect(sign.at(-1)?.tasks).not.toEqual(without.at(-1)?.tasks);
    const c = sign.at(-1)?.communication;
    // The default experiment: 2 tasks, P shared parameters each; 10 steps.
    const P = c?.numShared as number;
    expect(c).toMatchObject({ compressor: 'sign', errorFeedback: true, workers: 2 });
    expect(c?.bytesPerStep).toBe((2 * (P + 32)) / 8);
    expect(c?.bytesTotal).toBe((10 * 2 * (P + 32)) / 8);
    expect(c?.fp32BytesTotal).toBe(10 * 2 * P * 4);
    expect(c?.cosine.every((x) => x > 0 && x <= 1)).toBe(true);
    expect(c?.residualNorm.every((x) => x > 0)).toBe(true);
    // The true-gradient telemetry is untouched: its norms are the report's own.
    sign.at(-1)?.gradients.norms.forEach((n, t) => expect(c?.gradientNorm[t]).toBeCloseTo(n, 4));
  });

  it.each([
    [{ id: 'random-k', params: { k: 20, unbiased: false, errorFeedback: true } }],
    [{ id: 'qsgd', params: { levels: 2, errorFeedback: true } }],
  ])('resumes from a checkpoint with the same numbers and no leaks (%j)', async (communication) => {
    const config = parseConfig({ ...base, communication, method: { id: 'pcgrad' } });
    const whole = createTrainer(config);
    await whole.step(6);
    await whole.report();
    await whole.step(5);
    const expected = await whole.report();
    whole.dispose();

    const first = createTrainer(config);
    await first.step(6);
    await first.report();
    const checkpoint = JSON.parse(JSON.stringify(await first.checkpoint())) as TrainerCheckpoint;
    first.dispose();
    const before = tf.memory().numTensors;
    const resumed = createTrainer(checkpoint.config, { resume: checkpoint });
    await resumed.step(5);
    const got = await resumed.report();
    resumed.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(got).toEqual(expected);
  });

  it('refuses a k larger than the shared parameter count, naming the field, and frees what it built', () => {
    const before = tf.memory().numTensors;
    const config = parseConfig({ ...base, communication: { id: 'top-k', params: { k: 1_000_000 } } });
    let error: unknown;
    try {
      createTrainer(config);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issue = (error as ConfigError).issues[0];
    expect(issue?.path).toBe('communication.params.k');
    expect(issue?.message).toMatch(/k = 1000000 is larger than the \d+ shared parameters/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
