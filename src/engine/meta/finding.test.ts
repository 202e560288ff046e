/**
 * The finding of Finn et al. 2017 (§5.1, Fig. 2) at a budget a test affords (~25 s on WASM): a MAML-trained
 * start adapts to a held-out sine in one step far better than a jointly trained model, which regresses to a
 * near-flat average curve. Measured (seed 1, 10 held-out sines): joint 1,000 Adam steps, MSE after 0 / 1 / 10
 * steps 3.06 / 2.71 / 1.46; MAML 600 meta-steps of 10 sines, 2.88 / 1.34 / 0.59.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../backend/node';
import { parseConfig } from '../config/parse';
import { Rng } from '../random/rng';
import { buildModel } from '../train/build-model';
import { createTrainer } from '../train/trainer';
import { jointAdaptationReport } from './joint-baseline';
import type { MetaReport } from './report-types';

const FAMILY = { testSines: 10 };
const NET = { widths: [40, 40], shared: [true, true], activation: 'relu', headLayers: 0 };
const base = {
  task: { id: 'sine-family', params: FAMILY },
  architecture: { id: 'layer-sharing', params: NET },
  method: { id: 'ew' },
  optimizer: { id: 'adam' },
  seed: 1,
};

/** Joint training on every sine pooled, then the same adaptation evaluation from its parameters. */
async function jointRun(steps: number): Promise<MetaReport> {
  const config = parseConfig({ ...base, learningRate: 0.01, batchSize: 100, steps });
  const trainer = createTrainer(config);
  await trainer.step(steps);
  const saved = (await trainer.checkpoint()).parts.trainer?.tensors ?? {};
  trainer.dispose();
  const model = buildModel(config, new Rng(config.seed));
  const [theta, head, bias] = ['theta', 'task0', 'task1'].map((name) => {
    const s = saved[name];
    if (!s) throw new Error(`no ${name} in the checkpoint`);
    return tf.tensor(s.values, s.shape);
  });
  try {
    const report = await jointAdaptationReport(config, model, theta as tf.Tensor2D, [head!, bias!]);
    if (!report) throw new Error('no adaptation report');
    return report;
  } finally {
    tf.dispose([theta!, head!, bias!]);
    model.dispose();
  }
}

async function metaRun(id: string, steps: number, params: object): Promise<MetaReport> {
  const config = parseConfig({ ...base, learningRate: 0.01, batchSize: 25, steps, meta: { id, params } });
  const trainer = createTrainer(config);
  await trainer.step(steps);
  const report = await trainer.report();
  trainer.dispose();
  if (!report.meta) throw new Error('no meta report');
  return report.meta;
}

// WASM trains these ~5x faster than tfjs's cpu backend (the suite's default); the file switches back after.
let before = 'cpu';
beforeAll(async () => {
  before = tf.getBackend() === 'wasm' ? 'wasm' : 'cpu';
  await initNodeBackend('wasm');
});
afterAll(async () => {
  await initNodeBackend(before === 'wasm' ? 'wasm' : 'cpu');
});

const variance = (y: readonly number[]) => {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  return y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length;
};

describe('MAML against joint training on the sine family', () => {
  it('adapts in one step where the joint model stays near-flat', async () => {
    const joint = await jointRun(1000);
    const maml = await metaRun('maml', 600, { metaBatch: 10 });
    const [j0, j1] = joint.lossAfterSteps;
    const [m0, m1, m2] = maml.lossAfterSteps;
    // One step on 10 shots: MAML's start lands at half the joint model's error.
    expect(m1).toBeLessThan(0.6 * (j1 as number));
    // And keeps improving with more steps, from a start no better than the joint one's.
    expect(maml.lossAfterSteps[10]).toBeLessThan(m2 as number);
    expect(m1).toBeLessThan(m0 as number);
    expect(m0).toBeGreaterThan(0.8 * (j0 as number));
    // The joint model's prediction before adapting varies far less over x than the sines it should fit.
    for (const curve of joint.fits) {
      const flat = variance(curve.fits[0]?.y ?? []);
      const sines = joint.fits.reduce((a, f) => a + variance(f.truth), 0) / joint.fits.length;
      expect(flat).toBeLessThan(0.35 * sines);
    }
  });
});
