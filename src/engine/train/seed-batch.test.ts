/**
 * Seeds trained side by side (seed-batch.ts) give every seed exactly its one-by-one run: the reports of a
 * batch equal createTrainer({ ...config, seed }).report() at the same step, before the first step and after
 * 30, for deterministic and stochastic methods and a non-default network; configs that would not are refused in
 * words; a step leaks no tensor; a diverging replica is named by its seed. CPU backend (the WASM twin is
 * test/seed-batch-wasm.test.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import type { Report } from './report';
import { createSeedBatchTrainer, seedBatchBlocker } from './seed-batch';
import { batchAndSingles, worstDifference } from './seed-batch-testing';
import { SeedBatchWatch } from './seed-batch-watch';
import { createTrainer } from './trainer';
import { TrainingDivergedError } from './errors';

const CASES: Record<string, Record<string, unknown>> = {
  'EW, the default experiment': { method: { id: 'ew' } },
  'MGDA, the default experiment': { method: { id: 'mgda' } },
  'UPGrad, the default experiment': { method: { id: 'upgrad' } },
  'UW (learnable weights), separate inputs, shared bottom under task layers, proportional quotas': {
    method: { id: 'uw' },
    task: {
      id: 'sinusoids',
      params: { numTasks: 3, inputs: 'separate', trainSamplesPerTask: [200, 120, 80] },
    },
    architecture: {
      id: 'layer-sharing',
      params: { widths: [16, 8], shared: [true, false], activation: 'tanh' },
    },
    sampling: { id: 'mixed', params: { quota: 'proportional' } },
    isolation: { clipPerTask: [1, 0, 0.5], gradientMask: [[1, 0]], clipNorm: 2 },
    batchSize: 32,
  },
  // Stochastic methods run per seed with each seed's own draws (per-seed-method.ts); 3 tasks, so PCGrad's
  // random order matters and GradVac's state and RLW's draws are per seed.
  'PCGrad, 3 tasks': { method: { id: 'pcgrad' }, task: { id: 'sinusoids', params: { numTasks: 3 } } },
  'GradVac (stateful), 3 tasks': {
    method: { id: 'gradvac' },
    task: { id: 'sinusoids', params: { numTasks: 3 } },
  },
  'RLW, the default experiment': { method: { id: 'rlw' } },
  'GradDrop, the default experiment': { method: { id: 'graddrop' } },
  'CAGrad, independent nets (nothing shared)': {
    method: { id: 'cagrad' },
    architecture: { id: 'layer-sharing', params: { widths: [8], shared: [false] } },
  },
};

describe('seeds trained as one batch equal their one-by-one runs (cpu)', () => {
  for (const [name, raw] of Object.entries(CASES)) {
    it(name, async () => {
      const config = parseConfig({ ...raw, reportEvery: 30 });
      expect(seedBatchBlocker(config)).toBeNull();
      const seeds = [3, 1, 7];
      const { batched, singles } = await batchAndSingles(config, seeds, 30);
      seeds.forEach((_, r) => {
        for (const at of [0, 1]) {
          const worst = worstDifference(singles[r]?.[at] as Report, batched[at]?.[r] as Report);
          expect(worst.diff, `seed ${seeds[r]}, report ${at}: ${worst.at}`).toBeLessThan(1e-4);
        }
        expect(batched[1]?.[r]?.health).toEqual(singles[r]?.[1]?.health);
      });
      // The seeds really differ (their own data and initial weights), so equality is not a coincidence.
      expect(batched[1]?.[0]?.tasks[0]?.testLoss).not.toBe(batched[1]?.[1]?.tasks[0]?.testLoss);
    });
  }

  it('reports the model as a run does, with one replica per seed', () => {
    const config = parseConfig({});
    const batch = createSeedBatchTrainer(config, [1, 2]);
    const run = createTrainer(config);
    expect(batch.info.replicas).toBe(2);
    expect(batch.info.parameters.total).toBe(2 * run.info.parameters.total);
    expect(batch.info.tasks).toEqual(run.info.tasks);
    expect(batch.info.gradientStrategy).toBe('fused');
    expect(batch.seeds).toEqual([1, 2]);
    batch.dispose();
    run.dispose();
  });
});

describe('seedBatchBlocker', () => {
  const blocked: Record<string, [Record<string, unknown>, RegExp]> = {
    'an objective suite': [{ task: { id: 'toy' }, architecture: { id: 'point' } }, /start points/],
    'an architecture that is not a dense chain': [{ architecture: { id: 'mmoe' } }, /'mmoe'/],
    'autodiff gradients': [{ gradients: 'loop' }, /gradients 'loop'/],
    'a method that reads KPIs': [{ method: { id: 'dtp' } }, /'dtp' weighs tasks by a per-batch KPI/],
    'a strategy that leaves tasks out': [{ sampling: { id: 'round-robin' } }, /'round-robin' leaves/],
    'a strategy that reads losses': [{ sampling: { id: 'bandit' } }, /'bandit'/],
    'a strategy that scores samples': [{ sampling: { id: 'curriculum' } }, /'curriculum' reads/],
    'lookahead affinity': [{ isolation: { affinityEvery: 10 } }, /affinityEvery/],
    'a regularizer': [{ isolation: { l2: 0.01 } }, /isolation\.l2/],
  };
  for (const [name, [raw, reason]] of Object.entries(blocked)) {
    it(`refuses ${name}, saying why`, () => {
      const config = parseConfig(raw);
      expect(seedBatchBlocker(config)).toMatch(reason);
      expect(seedBatchBlocker(config)).toMatch(/one by one/);
      expect(() => createSeedBatchTrainer(config, [1, 2])).toThrow(reason);
    });
  }

  it('refuses more seed-task pairs than one batch holds, naming the limit', () => {
    const seeds = Array.from({ length: 65 }, (_, i) => i);
    expect(() => createSeedBatchTrainer(parseConfig({}), seeds)).toThrow(
      /65 seeds of 2 tasks make 130 seed-task pairs; accepted: at most 128/,
    );
  });

  it('accepts the default experiment and any layer-sharing mask', () => {
    expect(seedBatchBlocker(parseConfig({}))).toBeNull();
    const mask = { architecture: { id: 'layer-sharing', params: { widths: [8, 8], shared: [false, true] } } };
    expect(seedBatchBlocker(parseConfig(mask))).toBeNull();
  });
});

describe('a seed batch leaks nothing and names the seed that diverged', () => {
  for (const method of ['mgda', 'gradvac']) {
    it(`keeps the tensor count flat across steps and reports, and frees everything on dispose (${method})`, async () => {
      const before = tf.memory().numTensors;
      const batch = createSeedBatchTrainer(parseConfig({ method: { id: method } }), [1, 2, 3]);
      await batch.step(2);
      await batch.reports();
      const settled = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) {
        await batch.step(3);
        expect(tf.memory().numTensors).toBe(settled);
        await batch.reports();
        expect(tf.memory().numTensors).toBe(settled);
      }
      batch.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('stops all seeds when one explodes, with that seed named as its own run names the step', async () => {
    // Seed 1's run explodes at step 10 on this step size; seeds 2 and 3 train on (measured one by one).
    const config = parseConfig({ optimizer: { id: 'sgd' }, learningRate: 10, batchSize: 16 });
    const single = createTrainer(config);
    const expected = await (async () => {
      for (;;) {
        await single.step(5);
        await single.report();
      }
    })().catch((e: unknown) => e as TrainingDivergedError);
    single.dispose();
    const batch = createSeedBatchTrainer(config, [2, 1, 3]);
    const error = await (async () => {
      for (let i = 0; i < 40; i++) {
        await batch.step(5);
        await batch.reports();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingDivergedError);
    const diverged = error as TrainingDivergedError;
    expect(diverged.seed).toBe(1);
    expect(diverged.step).toBe(expected.step);
    expect(diverged.detail).toBe(expected.detail);
    expect(diverged.message).toContain(`(seed 1)`);
    await expect(batch.step(1)).rejects.toBe(diverged);
    batch.dispose();
  });

  it('maps a non-finite value to its seed and task on the device-side flags', () => {
    const watch = new SeedBatchWatch(['a', 'b'], [3, 5, 8]);
    const nan = Number.NaN;
    tf.tidy(() =>
      watch.record(
        tf.tensor2d([1, 1, 1, nan, 1, 1], [3, 2]),
        tf.ones([3, 2, 4]),
        tf.ones([3, 4]),
        tf.ones([3, 2]),
      ),
    );
    const flags = Array.from(watch.badStep.dataSync());
    expect(() => watch.throwIfSeeds(flags, [1, 0, 1], 'ew')).toThrow(
      /step 0 \(seed 5\): task 'b' has a non-finite loss/,
    );
    watch.dispose();
  });
});
