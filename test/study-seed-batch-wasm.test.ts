/**
 * A study's seeds trained side by side (src/engine/runner/train-seed-batch.ts) on WASM, where the runner
 * batches them: the records must carry the numbers each seed's own run gives, a replica that diverges must
 * still get its own record and reason, and a cancel must stop the batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../src/backend/node';
import { parseConfig } from '../src/engine/config/parse';
import { batchesSeeds, trainGroup, trainOneByOne } from '../src/engine/runner/train-group';
import { seedBatches } from '../src/engine/runner/train-seed-batch';

const configs = (raw: Record<string, unknown>, seeds: number[]) =>
  seeds.map((seed) => parseConfig({ ...raw, seed }));

describe('a study group trained as one batch of seeds on WASM', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });
  afterAll(async () => {
    await initNodeBackend('cpu');
  });

  it('gives each seed the history its own run gives', async () => {
    const group = configs({ method: { id: 'mgda' }, steps: 40, reportEvery: 20 }, [3, 1, 5]);
    expect(batchesSeeds(group)).toBe(true);
    const batched = await trainGroup(group);
    const alone = await trainOneByOne(group);
    expect(batched.map((r) => [r.config.seed, r.status, r.seedBatch])).toEqual([
      [3, 'finished', 3],
      [1, 'finished', 3],
      [5, 'finished', 3],
    ]);
    batched.forEach((record, i) => {
      const own = alone[i];
      expect(record.history.map((h) => h.step)).toEqual([0, 20, 40]);
      expect(own?.seedBatch).toBeUndefined();
      record.final?.tasks.forEach((t, k) => {
        const o = own?.final?.tasks[k];
        expect(Math.abs(t.testLoss - (o?.testLoss ?? NaN))).toBeLessThan(1e-4);
        expect(Math.abs(t.testMetric - (o?.testMetric ?? NaN))).toBeLessThan(1e-4);
      });
      expect(record.info?.replicas).toBe(1);
      expect(record.info?.parameters.total).toBe(own?.info?.parameters.total);
    });
  });

  it('trains a batch in which a seed diverges one by one, so each seed says what happened to it', async () => {
    // Seed 1 explodes on this set-up, seeds 2 and 3 do not (seed-batch.test.ts).
    const group = configs(
      { task: { id: 'sinusoids' }, optimizer: { id: 'sgd' }, learningRate: 10, steps: 20, reportEvery: 10 },
      [2, 1, 3],
    );
    const ended: number[] = [];
    const records = await trainGroup(group, { onRun: (_r, i) => ended.push(i) });
    expect(ended).toEqual([0, 1, 2]);
    expect(records.map((r) => r.seedBatch)).toEqual([undefined, undefined, undefined]);
    const diverged = records.filter((r) => r.status === 'diverged');
    expect(diverged.length).toBeGreaterThan(0);
    for (const r of diverged) expect(r.stopReason).toMatch(/diverged at step \d+/);
  });

  it('stops the batch on a cancel and keeps every seed as stopped', async () => {
    const group = configs({ steps: 100_000, reportEvery: 100_000 }, [1, 2]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const records = await trainGroup(group, { signal: controller.signal });
    expect(records.map((r) => r.status)).toEqual(['stopped', 'stopped']);
    expect(records[0]?.stopReason).toMatch(/^cancelled at step \d+ of 100000$/);
  });

  it('cuts many seeds into batches the batched step can hold', () => {
    const many = configs(
      {},
      Array.from({ length: 70 }, (_, i) => i + 1),
    );
    expect(seedBatches(many).map((b) => b.length)).toEqual([64, 6]);
  });
});
