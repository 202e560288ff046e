/**
 * Curriculum: draws only from the easiest fraction (by the supplied per-sample losses) while the pacing
 * function is below 1, from everything after `pace` steps, re-ranks on new scores, and keeps shuffled
 * epochs within the available set.
 */
import { describe, expect, it } from 'vitest';
import { curriculum, pacing, ranksOf } from './curriculum';
import { instantiate, type Setting } from './testing';

const n = 200;
const B = 8;
const setting: Setting = { counts: [n, n], batchSize: B, shared: false };
// Task 0: sample i has loss i (easiest = smallest index); task 1: loss n − i (easiest = largest index).
const scores = [
  Float32Array.from({ length: n }, (_, i) => i),
  Float32Array.from({ length: n }, (_, i) => n - i),
];
const rankOf = [(i: number) => i, (i: number) => n - 1 - i];

describe('curriculum', () => {
  it('pacing functions by hand', () => {
    expect(pacing(0, 0.25, 100, 'linear')).toBe(0.25);
    expect(pacing(50, 0.25, 100, 'linear')).toBeCloseTo(0.625, 12); // 0.25 + 0.75/2
    expect(pacing(50, 0.25, 100, 'exponential')).toBeCloseTo(0.5, 12); // 0.25 · 4^0.5
    expect(pacing(100, 0.25, 100, 'exponential')).toBeCloseTo(1, 12);
    expect(pacing(500, 0.25, 100, 'linear')).toBe(1);
    expect(ranksOf([3, 1, NaN, 1])).toEqual([2, 0, 3, 1]);
  });

  it.each(['linear', 'exponential'] as const)(
    '%s: only the easiest fraction early, everything after `pace`',
    (shape) => {
      const pace = 100;
      const { sampler } = instantiate(curriculum, setting, {
        start: 0.1,
        pace,
        pacing: shape,
        rescore: 1000,
      });
      for (let s = 0; s < pace; s++) {
        const plan = sampler.next({ step: s, ...(s === 0 ? { sampleLosses: scores } : {}) });
        // Available: the max(B, ⌈f(s)·n⌉) easiest, f(s) from the formula written out here.
        const f = shape === 'linear' ? 0.1 + 0.9 * (s / pace) : 0.1 * Math.pow(10, s / pace);
        const available = Math.max(B, Math.ceil(f * n - 1e-9));
        plan.indices.forEach((idx, t) => idx.forEach((i) => expect(rankOf[t]?.(i)).toBeLessThan(available)));
        expect(plan.active).toEqual([true, true]);
      }
      // After `pace`: plain shuffled epochs over everything (two epochs' worth of steps see every sample).
      const late = new Set<number>();
      for (let s = pace; s < pace + (2 * n) / B; s++)
        sampler.next({ step: s }).indices[0]?.forEach((i) => late.add(i));
      expect(late.size).toBe(n);
    },
  );

  it('early draws cover the easy set, with no repeats within its epoch', () => {
    // 0.2525 · 200 = 50.5 → 51 samples available; the fraction grows too slowly to change that here.
    const { sampler } = instantiate(curriculum, setting, {
      start: 0.2525,
      pace: 1_000_000,
      pacing: 'linear',
    });
    const counts = new Array<number>(n).fill(0);
    for (let s = 0; s < 300; s++)
      sampler
        .next({ step: s, ...(s === 0 ? { sampleLosses: scores } : {}) })
        .indices[0]?.forEach((i) => (counts[i] = (counts[i] ?? 0) + 1));
    const easy = counts.slice(0, 51);
    expect(counts.slice(51).every((c) => c === 0)).toBe(true);
    // 2400 draws over 51 samples, one per epoch pass: counts within 2 of each other (≈ 47 each).
    expect(Math.max(...easy) - Math.min(...easy)).toBeLessThanOrEqual(2);
  });

  it('re-ranks when new scores arrive; before any scores every sample is available', () => {
    // 0.0975 · 200 = 19.5 → 20 samples available (the fraction grows too slowly to change that here).
    const { sampler } = instantiate(curriculum, setting, { start: 0.0975, pace: 1_000_000 });
    const before = new Set<number>();
    for (let s = 0; s < 50; s++) sampler.next({ step: s }).indices[0]?.forEach((i) => before.add(i));
    expect(Math.max(...before)).toBeGreaterThan(100);
    sampler.next({ step: 50, sampleLosses: scores });
    const reversed = [scores[1] as Float32Array, scores[0] as Float32Array];
    for (let s = 51; s < 80; s++) {
      const plan = sampler.next({ step: s, ...(s === 51 ? { sampleLosses: reversed } : {}) });
      // Task 0 now finds its high indices easy: only the top 20 are drawn.
      plan.indices[0]?.forEach((i) => expect(i).toBeGreaterThanOrEqual(n - 20));
    }
    expect(() =>
      sampler.next({ step: 80, sampleLosses: [new Float32Array(3), new Float32Array(3)] }),
    ).toThrow(/one loss per training sample/);
  });

  it('shared inputs: one pool ranked by the mean of the per-task ranks, the same batch for every task', () => {
    const shared: Setting = { counts: [n, n], batchSize: B, shared: true };
    // Task 0: loss i; task 1: loss (i mod 10). Mean rank computed directly, then the 20 easiest.
    const t1 = Float32Array.from({ length: n }, (_, i) => i % 10);
    const r0 = ranksOf(scores[0] as Float32Array);
    const r1 = [...t1.keys()].sort((a, b) => (t1[a] ?? 0) - (t1[b] ?? 0) || a - b);
    const rank1 = new Array<number>(n);
    r1.forEach((sample, r) => (rank1[sample] = r));
    const mean = r0.map((r, i) => r + (rank1[i] ?? 0));
    const easiest = new Set(
      [...mean.keys()].sort((a, b) => (mean[a] ?? 0) - (mean[b] ?? 0) || a - b).slice(0, 20),
    );
    const { sampler } = instantiate(curriculum, shared, { start: 0.0975, pace: 1_000_000 }); // 20 available
    for (let s = 0; s < 40; s++) {
      const plan = sampler.next({
        step: s,
        ...(s === 0 ? { sampleLosses: [scores[0] as Float32Array, t1] } : {}),
      });
      plan.indices[0]?.forEach((i) => expect(easiest.has(i)).toBe(true));
      expect([...(plan.indices[1] ?? [])]).toEqual([...(plan.indices[0] ?? [])]);
    }
  });

  it('asks for per-sample losses every `rescore` steps', () => {
    expect(curriculum.sampleLossesEvery?.({ start: 0.2, pace: 10, pacing: 'linear', rescore: 37 })).toBe(37);
  });
});
