/**
 * The accuracy cost of staleness on the embedding-cache preset (public/presets/embedding-cache.json), on
 * WASM like the CLI, so the numbers are those of docs/embedding-cache.md (seed 1): the longer the refresh
 * period, the more rows hit and the more trunk compute is saved; a period of a few epochs costs little,
 * one of many epochs lets the heads chase embeddings the bottom no longer produces and the test loss rises.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../backend/node';
import { parseConfig } from '../config/parse';
import { createTrainer } from '../train/trainer';

const preset = JSON.parse(readFileSync('public/presets/embedding-cache.json', 'utf8')) as Record<
  string,
  unknown
>;

async function finalRun(refreshEvery: number) {
  const trainer = createTrainer(
    parseConfig({ ...preset, embeddingCache: { id: 'bottom-cache', params: { refreshEvery } } }),
  );
  await trainer.step(Number(preset.steps));
  const report = await trainer.report();
  trainer.dispose();
  const meanTestLoss = report.tasks.reduce((s, t) => s + t.testLoss, 0) / report.tasks.length;
  return {
    meanTestLoss,
    hitRate: report.embeddingCache?.hitRate ?? NaN,
    saved: report.embeddingCache?.flopsSaved ?? NaN,
  };
}

let before: 'cpu' | 'wasm' = 'cpu';
beforeAll(async () => {
  before = tf.getBackend() === 'wasm' ? 'wasm' : 'cpu';
  await initNodeBackend('wasm');
});
afterAll(async () => initNodeBackend(before));

describe('staleness on the embedding-cache preset', () => {
  it('refresh 1, 10, 100, 500: more hits and compute saved; a period of many epochs costs test loss', async () => {
    const runs = [];
    for (const r of [1, 10, 100, 500]) runs.push({ r, ...(await finalRun(r)) });
    const [r1, r10, r100, r500] = runs as [
      (typeof runs)[0],
      (typeof runs)[0],
      (typeof runs)[0],
      (typeof runs)[0],
    ];
    // Hit rates rise with the period (8 steps an epoch): 0, ~43%, ~92%, ~98%.
    expect(r1.hitRate).toBe(0);
    expect(r10.hitRate).toBeGreaterThan(0.3);
    expect(r100.hitRate).toBeGreaterThan(r10.hitRate);
    expect(r500.hitRate).toBeGreaterThan(r100.hitRate);
    expect(r500.saved).toBeGreaterThan(r100.saved);
    // A refresh within ~1 epoch costs little; refreshing every ~60 epochs breaks the fit.
    expect(r10.meanTestLoss).toBeLessThan(1.5 * r1.meanTestLoss);
    expect(r500.meanTestLoss).toBeGreaterThan(4 * r1.meanTestLoss);
  });
});
