/**
 * The arithmetic of the embedding cache's bench (bench/cache/figures.ts): per-block hit rate and FLOP shares
 * from the report's running totals, the trunk's share of a step, and time saved, against hand-computed
 * numbers; and, on a real trainer, that a block's counts agree with the FLOP model the share is built on.
 * No timing is asserted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseTrunks } from '../bench/cache.bench';
import { blockCounts, cacheTotals, percent, timeSaved, trunkShareOfStep } from '../bench/cache/figures';
import { createTrainer, parseConfig, type Trainer } from '../src/engine';
import { backwardFlopsPerRow, forwardFlopsPerRow } from '../src/engine/embedding-cache/flops';

const trunkOf = (w: number) => [
  { in: 2, out: w },
  { in: w, out: w },
];

describe('block counts from the report totals', () => {
  it('counts only the steps between the two totals', () => {
    const before = { hits: 10, rows: 64, flopsSaved: 100, flopsSpent: 300 };
    const after = { hits: 58, rows: 128, flopsSaved: 500, flopsSpent: 400 };
    // 48 hits of 64 rows; 400 saved of 400 + 100 trunk FLOPs.
    expect(blockCounts(before, after)).toEqual({ hitRate: 0.75, trunkFlopsSaved: 0.8, trunkFlops: 500 });
  });

  it('says nothing (NaN) without a cache', () => {
    const none = cacheTotals(undefined);
    const counts = blockCounts(none, none);
    expect(counts.hitRate).toBeNaN();
    expect(counts.trunkFlopsSaved).toBeNaN();
    expect(percent(counts.hitRate)).toBe('–');
  });
});

describe("the trunk's share of a step's FLOPs", () => {
  it('is 10,624 of 11,008 FLOPs per row for the preset (2→32→32, two 1-logit heads)', () => {
    // Trunk forward 2·2·32 + 2·32·32 = 2,176; backward per task 2·2·32 + 4·32·32 = 4,224, twice;
    // heads 2 tasks × (forward + kernel gradient + cotangent) 6·32 = 384.
    expect(trunkShareOfStep(trunkOf(32), 2, 1)).toBeCloseTo(10624 / 11008, 12);
  });

  it('grows with the width and stays below 1', () => {
    const shares = [8, 32, 256, 1024].map((w) => trunkShareOfStep(trunkOf(w), 2, 1));
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1] as number);
    expect(shares[shares.length - 1]).toBeLessThan(1);
  });
});

describe('time saved', () => {
  it('is the fraction of the uncached time per step avoided, negative when slower', () => {
    expect(timeSaved(5, 10)).toBe(0.5);
    expect(timeSaved(12, 10)).toBeCloseTo(-0.2, 12);
    expect(percent(0.4567)).toBe('45.7%');
  });
});

describe('a real block of steps', () => {
  let trainer: Trainer | null = null;
  afterEach(() => {
    trainer?.dispose();
    trainer = null;
  });
  const config = (section: Record<string, unknown>) =>
    parseConfig({
      task: {
        id: 'playground-2d',
        params: { patterns: ['xor', 'gauss'], trainSamples: 64, testSamples: 16 },
      },
      architecture: { id: 'layer-sharing', params: { widths: [8, 8], shared: [true, true] } },
      batchSize: 16,
      embeddingCache: section,
    });

  it('at refresh 1 hits nothing and spends exactly the FLOP model of the uncached trunk', async () => {
    trainer = createTrainer(config({ id: 'bottom-cache', params: { refreshEvery: 1 } }));
    await trainer.step(2);
    const before = cacheTotals((await trainer.report()).embeddingCache);
    await trainer.step(5);
    const counts = blockCounts(before, cacheTotals((await trainer.report()).embeddingCache));
    const perRow = forwardFlopsPerRow(trunkOf(8)) + 2 * backwardFlopsPerRow(trunkOf(8));
    expect(counts.hitRate).toBe(0);
    expect(counts.trunkFlopsSaved).toBe(0);
    expect(counts.trunkFlops).toBe(5 * 16 * perRow);
  });

  it('frozen from step 0, once every example was seen, hits every row and saves all trunk FLOPs', async () => {
    trainer = createTrainer(config({ id: 'bottom-cache', params: { frozen: true, warmupSteps: 0 } }));
    await trainer.step(4); // 64 examples in batches of 16: one epoch computes every embedding
    const before = cacheTotals((await trainer.report()).embeddingCache);
    await trainer.step(8);
    const counts = blockCounts(before, cacheTotals((await trainer.report()).embeddingCache));
    expect(counts.hitRate).toBe(1);
    expect(counts.trunkFlopsSaved).toBe(1);
  });
});

describe('--trunks', () => {
  it('accepts the named trunks and names the accepted ones otherwise', () => {
    expect(parseTrunks('wide')).toEqual(['wide']);
    expect(() => parseTrunks('preset,huge')).toThrow("--trunks: unknown 'huge'; accepted: preset, wide");
  });
});
