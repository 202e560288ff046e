/**
 * 'mixed' and the shuffled epochs: 'equal' draws exactly what train/batches.ts's EpochSampler drew before
 * sampling strategies existed (a verbatim copy of it below, so this keeps checking the original behaviour
 * after batches.ts is pointed at epochs.ts), 'proportional' quotas, and no repeats within an epoch.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { EpochSampler, epochStreams } from './epochs';
import { MethodState } from '../stateful/state';
import { mixed } from './mixed';
import { instantiate, plainPlan } from './testing';

/** train/batches.ts's EpochSampler as of commit c059c6a, unchanged. */
class OriginalEpochSampler {
  private readonly orders: number[][];
  private readonly cursors: number[];

  constructor(
    private readonly counts: number[],
    private readonly batchSize: number,
    private readonly rng: Rng,
  ) {
    this.orders = counts.map((n) => rng.permutation(n));
    this.cursors = counts.map(() => 0);
  }

  next(): Int32Array[] {
    return this.counts.map((count, t) => {
      if ((this.cursors[t] ?? 0) + this.batchSize > count) {
        this.orders[t] = this.rng.permutation(count);
        this.cursors[t] = 0;
      }
      const start = this.cursors[t] ?? 0;
      this.cursors[t] = start + this.batchSize;
      return Int32Array.from((this.orders[t] ?? []).slice(start, start + this.batchSize));
    });
  }
}

const STEPS = 200;

describe("mixed / 'equal' reproduces the original EpochSampler", () => {
  it('separate inputs: the same indices every step, all weights 1', () => {
    const counts = [50, 37, 64];
    const reference = new OriginalEpochSampler(counts, 8, new Rng(21).fork('batches'));
    const rng = new Rng(21).fork('batches');
    const sampler = mixed.create({
      numTasks: 3,
      counts,
      batchSize: 8,
      sharedInputs: false,
      params: { quota: 'equal' },
      rng,
    });
    for (let s = 0; s < STEPS; s++) {
      const plan = sampler.next({ step: s });
      expect(plan.indices.map((a) => [...a])).toEqual(reference.next().map((a) => [...a]));
      plan.sampleWeights.forEach((w) => expect([...w]).toEqual(new Array(8).fill(1)));
    }
  });

  it('shared inputs: one stream (EpochSampler over [count]) copied to every task', () => {
    const reference = new OriginalEpochSampler([40], 8, new Rng(4));
    const sampler = mixed.create({
      numTasks: 3,
      counts: [40, 40, 40],
      batchSize: 8,
      sharedInputs: true,
      params: { quota: 'equal' },
      rng: new Rng(4),
    });
    for (let s = 0; s < STEPS; s++) {
      const expected = [...(reference.next()[0] as Int32Array)];
      expect(sampler.next({ step: s }).indices.map((a) => [...a])).toEqual([expected, expected, expected]);
    }
  });

  it('the drop-in EpochSampler of epochs.ts draws the same', () => {
    const counts = [33, 20];
    const reference = new OriginalEpochSampler(counts, 6, new Rng(8));
    const moved = new EpochSampler(counts, 6, new Rng(8));
    for (let s = 0; s < STEPS; s++) expect(moved.next()).toEqual(reference.next());
  });
});

describe('shuffled epochs', () => {
  it('no sample repeats within an epoch; every epoch is a fresh permutation', () => {
    const n = 30;
    const k = 7; // 4 batches per epoch, the last 2 samples of each epoch dropped
    const streams = epochStreams(new MethodState(), new Rng(2), [n]);
    const epochs: number[][] = [];
    for (let e = 0; e < 20; e++) epochs.push(Array.from({ length: 4 }, () => streams.take(0, k)).flat());
    for (const epoch of epochs) expect(new Set(epoch).size).toBe(28);
    expect(new Set(epochs.map((e) => e.join())).size).toBe(20);
  });

  it('takeWhere passes over rejected samples and never repeats within an epoch', () => {
    const n = 40;
    const streams = epochStreams(new MethodState(), new Rng(3), [n]);
    const even = (i: number): boolean => i % 2 === 0;
    const drawn = Array.from({ length: 60 }, () => streams.takeWhere(0, 4, even));
    drawn.forEach((b) => {
      expect(b.every(even)).toBe(true);
      expect(new Set(b).size).toBe(4);
    });
    // 20 allowed samples, one pass each per epoch: after 60 batches (12 passes) counts differ by ≤ 2.
    const counts = new Array<number>(n).fill(0);
    drawn.flat().forEach((i) => (counts[i] = (counts[i] ?? 0) + 1));
    const evens = counts.filter((_, i) => even(i));
    expect(Math.max(...evens) - Math.min(...evens)).toBeLessThanOrEqual(2);
    expect(() => streams.takeWhere(0, 4, (i) => i < 3)).toThrow(/fewer than 4/);
  });

  it('peek shows the next samples without using them up', () => {
    const streams = epochStreams(new MethodState(), new Rng(5), [20]);
    const seen = streams.peek(0, 5);
    expect(streams.take(0, 5)).toEqual(seen);
  });
});

describe("mixed / 'proportional'", () => {
  it('exact quotas when batchSize · n_t / max n is whole; padding weight 0 with valid rows', () => {
    const setting = { counts: [400, 200, 100], batchSize: 16, shared: false };
    const { sampler } = instantiate(mixed, setting, { quota: 'proportional' });
    for (let s = 0; s < 100; s++) {
      const plan = plainPlan(sampler.next({ step: s }));
      expect(plan.weights.map((w) => w.reduce((a, b) => a + b))).toEqual([16, 8, 4]);
      // Real slots first, then padding.
      expect(plan.weights[2]).toEqual([...Array<number>(4).fill(1), ...Array<number>(12).fill(0)]);
      expect(plan.active).toEqual([true, true, true]);
    }
    // Shares over time: 16 : 8 : 4.
    sampler.shares().total.forEach((v, t) => expect(v).toBeCloseTo([4 / 7, 2 / 7, 1 / 7][t] ?? 0, 12));
  });

  it('stochastic rounding keeps the expected quota exact (binomial, 4σ)', () => {
    // 10 · 170/500 = 3.4: quota 3 or 4, 4 with probability 0.4.
    const setting = { counts: [500, 170], batchSize: 10, shared: false };
    const { sampler } = instantiate(mixed, setting, { quota: 'proportional' });
    const N = 3000;
    let total = 0;
    for (let s = 0; s < N; s++) {
      const q = (sampler.next({ step: s }).sampleWeights[1] as Float32Array).reduce((a, b) => a + b);
      expect([3, 4]).toContain(q);
      total += q;
    }
    const sigma = Math.sqrt(N * 0.4 * 0.6);
    expect(Math.abs(total - 3.4 * N)).toBeLessThan(4 * sigma);
  });

  it('at least one slot for a tiny task; shared inputs make it equal', () => {
    const tiny = instantiate(
      mixed,
      { counts: [1000, 8], batchSize: 8, shared: false },
      { quota: 'proportional' },
    );
    for (let s = 0; s < 50; s++) expect(tiny.sampler.next({ step: s }).active).toEqual([true, true]);
    const shared = instantiate(
      mixed,
      { counts: [40, 40], batchSize: 8, shared: true },
      { quota: 'proportional' },
    );
    const equal = instantiate(mixed, { counts: [40, 40], batchSize: 8, shared: true }, { quota: 'equal' });
    for (let s = 0; s < 20; s++)
      expect(plainPlan(shared.sampler.next({ step: s }))).toEqual(plainPlan(equal.sampler.next({ step: s })));
  });
});
