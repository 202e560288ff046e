/**
 * The linear tasks through the real trainer show both of Wu, Zhang and Ré's components (linear-tasks.ts):
 * through a shared linear layer of width r, the tasks' test R² can sum to at most the r largest eigenvalues
 * of their Gram matrix over 1 + noise². Two unit tasks at cosine ρ have eigenvalues 1 + ρ and 1 - ρ: a width-1
 * layer fits both when they are the same task (ρ = 1, bound 2) and only one when they are unrelated (ρ = 0,
 * bound 1); a width-2 layer fits unrelated tasks too.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { createTrainer } from '../train/trainer';

const STEPS = 400;
const NOISE = 0.1;

async function testR2(cosine: number, width: number): Promise<number[]> {
  const trainer = createTrainer(
    parseConfig({
      task: {
        id: 'linear-tasks',
        params: { numTasks: 2, inputDim: 4, cosine, noise: NOISE, trainSamples: 1000, testSamples: 2000 },
      },
      architecture: {
        id: 'layer-sharing',
        params: { widths: [width], shared: [true], activation: 'linear' },
      },
      learningRate: 0.03,
      batchSize: 64,
      steps: STEPS,
      reportEvery: STEPS,
    }),
  );
  try {
    await trainer.step(STEPS);
    return (await trainer.report()).tasks.map((t) => t.testMetric);
  } finally {
    trainer.dispose();
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const best = 1 / (1 + NOISE ** 2);

describe('linear tasks: shared capacity against task relatedness', () => {
  it('width 1, the same task twice (cosine 1): both tasks fit', async () => {
    const r2 = await testR2(1, 1);
    r2.forEach((v) => expect(v).toBeGreaterThan(0.95 * best));
  });

  it('width 1, unrelated tasks (cosine 0): together they explain at most one task', async () => {
    const r2 = await testR2(0, 1);
    // The bound is 1/(1 + σ²) ≈ 0.99 on the population (a finite test set moves it a little).
    expect(sum(r2)).toBeLessThan(1.05);
    // And the training uses what the layer has: one task's worth.
    expect(sum(r2)).toBeGreaterThan(0.8);
  });

  it('width 2, unrelated tasks: enough capacity for both', async () => {
    const r2 = await testR2(0, 2);
    r2.forEach((v) => expect(v).toBeGreaterThan(0.95 * best));
  });
});
