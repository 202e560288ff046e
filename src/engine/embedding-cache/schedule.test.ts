/** The cache's hit/miss schedule and its FLOP counts, by hand and by property. */
import { describe, expect, it } from 'vitest';
import { MethodState } from '../stateful/state';
import { backwardFlopsPerRow, forwardFlopsPerRow, stepFlops } from './flops';
import { CacheSchedule, type CachePolicy } from './schedule';

/** A trunk of two dense layers: 3 → 4 → 5. */
const trunk = [
  { in: 3, out: 4 },
  { in: 4, out: 5 },
];
const schedule = (policy: Partial<CachePolicy>, rows = 4) =>
  new CacheSchedule(
    new MethodState(),
    rows,
    { refreshEvery: 3, frozen: false, warmupSteps: 0, ...policy },
    trunk,
    {
      numTasks: 2,
      tasksPerRow: 2,
    },
  );

describe('CacheSchedule', () => {
  it('a hand-computed sequence: 4 examples, batches of 2, refreshEvery 3', () => {
    const s = schedule({});
    const batches = [
      [0, 1],
      [2, 3],
      [0, 1],
      [2, 3],
      [1, 0],
      [3, 3],
    ];
    const plans = batches.map((rows) => s.next(rows));
    // step 0: 0, 1 new; 1: 2, 3 new; 2: 0, 1 are 2 steps old (hits); 3: 2, 3 likewise;
    // 4: 1, 0 are 4 steps old (misses, refreshed at 4); 5: 3 is 4 steps old: both slots miss.
    expect(plans.map((p) => p.hits)).toEqual([[], [], [0, 1], [0, 1], [], []]);
    expect(plans.map((p) => p.misses)).toEqual([[0, 1], [0, 1], [], [], [0, 1], [0, 1]]);
    const r = s.report();
    expect(r).toMatchObject({ hits: 4, rows: 12, stepHitRate: 0, meanStaleness: 2 });
    expect(r.hitRate).toBeCloseTo(4 / 12, 12);
  });

  it('frozen: nothing hits before the warm-up; after it, a row hits once computed with the frozen bottom', () => {
    const s = schedule({ frozen: true, warmupSteps: 2 });
    const batches = [
      [0, 1],
      [0, 1],
      [0, 1],
      [0, 2],
      [1, 2],
    ];
    const plans = batches.map((rows) => s.next(rows));
    expect(plans.map((p) => p.hits)).toEqual([[], [], [], [0], [0, 1]]);
    expect(plans.map((p) => p.trainTrunk)).toEqual([true, true, false, false, false]);
    expect(plans.map((p) => p.freezesNow)).toEqual([false, false, true, false, false]);
    // The frozen bottom does not change: its cached embeddings are exact, never stale.
    expect(s.report()).toMatchObject({ hits: 3, meanStaleness: 0 });
  });

  it('property: hits counted by a naive replay match, and the hit rate is hits over rows', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const refreshEvery of [1, 2, 5, 13]) {
      const s = schedule({ refreshEvery }, 20);
      const computedAt = new Map<number, number>();
      let hits = 0;
      let rows = 0;
      for (let step = 0; step < 60; step++) {
        const batch = Array.from({ length: 6 }, () => Math.floor(random() * 20));
        const plan = s.next(batch);
        const expected = batch.map((row) => {
          const at = computedAt.get(row);
          return at !== undefined && step - at < refreshEvery;
        });
        expect(plan.hits).toEqual(expected.flatMap((hit, p) => (hit ? [p] : [])));
        batch.forEach((row, p) => expected[p] || computedAt.set(row, step));
        hits += plan.hits.length;
        rows += batch.length;
      }
      const r = s.report();
      expect([r.hits, r.rows]).toEqual([hits, rows]);
      expect(r.hitRate).toBe(hits / rows);
      if (refreshEvery === 1) expect(hits).toBe(0);
    }
  });
});

describe('trunk FLOPs', () => {
  it('a 3 → 4 → 5 trunk by hand', () => {
    // forward 2·3·4 + 2·4·5 = 64; backward: kernel grads 24 + 40, cotangent below layer 2 only: 40.
    expect(forwardFlopsPerRow(trunk)).toBe(64);
    expect(backwardFlopsPerRow(trunk)).toBe(104);
    // 10 rows, 6 hits, 4 trained misses, 2 tasks reading every row (shared inputs):
    // saved 6·(64 + 2·104) = 1632; spent 4·(64 + 2·104) = 1088; stacked would run the forward 2× for all 10.
    expect(stepFlops(trunk, { rows: 10, hits: 6, trainedMisses: 4, tasksPerRow: 2, numTasks: 2 })).toEqual({
      saved: 1632,
      spent: 1088,
      withinStep: 640,
    });
    // Frozen: the 4 misses run forward only; separate inputs (one task a row): no within-step saving.
    expect(stepFlops(trunk, { rows: 10, hits: 6, trainedMisses: 0, tasksPerRow: 1, numTasks: 2 })).toEqual({
      saved: 6 * (64 + 104) + 4 * 104,
      spent: 4 * 64,
      withinStep: 0,
    });
  });
});
