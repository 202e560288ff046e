/**
 * Which task a one-task-per-step strategy trains: round-robin exactly in turn; proportional, temperature,
 * uniform and loss-driven draws match their distributions (counts within 4 binomial σ of N·p_t, with p_t
 * computed here directly from the formulas), and the temperature limits.
 */
import { describe, expect, it } from 'vitest';
import { importance, importanceProbs } from './importance';
import { proportional } from './proportional';
import { roundRobin } from './round-robin';
import { temperature, temperatureProbs } from './temperature';
import { uniform } from './uniform';
import { activeCounts, instantiate, type Setting } from './testing';
import type { SamplerFeedback, SamplerInstance, StepPlan } from './types';

const SETTING: Setting = { counts: [1000, 300, 60, 20], batchSize: 4, shared: false };
const N = 4000;

function draws(
  sampler: SamplerInstance,
  n: number,
  feedback: (s: number) => SamplerFeedback = (step) => ({ step }),
) {
  const plans: StepPlan[] = [];
  for (let s = 0; s < n; s++) {
    const plan = sampler.next(feedback(s));
    expect(plan.active.filter(Boolean)).toHaveLength(1); // exactly one task per step
    plans.push(plan);
  }
  return plans;
}

function expectBinomial(counts: number[], probs: number[], n: number): void {
  expect(probs.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  counts.forEach((c, t) => {
    const p = probs[t] ?? 0;
    expect(Math.abs(c - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(n * p * (1 - p)) + 1e-9);
  });
}

// Direct formulas.
const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
const proportionalP = (counts: number[]) => counts.map((n) => n / sum(counts));
const temperatureP = (counts: number[], tau: number) => {
  const raw = counts.map((n) => Math.pow(n, 1 / tau));
  return raw.map((r) => r / sum(raw));
};

describe('round-robin', () => {
  it('takes the tasks in turn, exactly', () => {
    const { sampler } = instantiate(roundRobin, SETTING);
    const order = draws(sampler, 41).map((p) => p.active.indexOf(true));
    expect(order).toEqual(Array.from({ length: 41 }, (_, s) => s % 4));
    expect(sampler.shares().total).toEqual([11 / 41, 10 / 41, 10 / 41, 10 / 41]);
  });
});

describe('proportional', () => {
  it('draws task t with probability n_t / Σ n', () => {
    const { sampler } = instantiate(proportional, SETTING);
    expectBinomial(activeCounts(draws(sampler, N), 4), proportionalP(SETTING.counts), N);
  });

  it('shared inputs (equal counts): uniform', () => {
    const { sampler } = instantiate(proportional, { counts: [50, 50, 50], batchSize: 5, shared: true });
    expectBinomial(activeCounts(draws(sampler, N), 3), [1 / 3, 1 / 3, 1 / 3], N);
  });
});

describe('temperature', () => {
  it('draws with p ∝ n^(1/τ) (τ = 2, the default)', () => {
    const { sampler } = instantiate(temperature, SETTING);
    // τ = 2: √1000 : √300 : √60 : √20 = 31.62 : 17.32 : 7.75 : 4.47 (sum 61.16) → 0.517, 0.283, 0.127, 0.073.
    const p = temperatureP(SETTING.counts, 2);
    expect(p.map((v) => Number(v.toFixed(3)))).toEqual([0.517, 0.283, 0.127, 0.073]);
    expectBinomial(activeCounts(draws(sampler, N), 4), p, N);
  });

  it('τ = 1 is proportional: same probabilities, and the same draws as the proportional sampler', () => {
    temperatureProbs(SETTING.counts, 1).forEach((p, t) =>
      expect(p).toBeCloseTo(proportionalP(SETTING.counts)[t] ?? 0, 12),
    );
    const a = instantiate(temperature, SETTING, { tau: 1 }, 3).sampler;
    const b = instantiate(proportional, SETTING, {}, 3).sampler;
    const pa = draws(a, 300).map((p) => p.active.indexOf(true));
    const pb = draws(b, 300).map((p) => p.active.indexOf(true));
    // Floating-point sums may differ in the last bit; the draws agree except on such a knife edge.
    expect(pa.filter((t, s) => t !== pb[s]).length).toBeLessThanOrEqual(1);
  });

  it('large τ approaches uniform; small τ concentrates on the largest task', () => {
    temperatureProbs(SETTING.counts, 1000).forEach((p) => expect(Math.abs(p - 0.25)).toBeLessThan(0.002));
    const { sampler } = instantiate(temperature, SETTING, { tau: 1000 });
    expectBinomial(activeCounts(draws(sampler, N), 4), temperatureP(SETTING.counts, 1000), N);
    expect(temperatureProbs(SETTING.counts, 0.1)[0]).toBeGreaterThan(0.999);
    // Huge counts stay finite.
    expect(temperatureProbs([1e9, 1], 0.1).every(Number.isFinite)).toBe(true);
  });
});

describe('uniform', () => {
  it('draws every task with probability 1/T whatever its size', () => {
    const { sampler } = instantiate(uniform, SETTING);
    expectBinomial(activeCounts(draws(sampler, N), 4), [0.25, 0.25, 0.25, 0.25], N);
  });
});

describe('importance (loss-driven)', () => {
  const setting: Setting = { counts: [60, 60, 60], batchSize: 4, shared: false };

  it('p_t = (1 − floor) · (L_t/L_t(0))^α / Σ + floor / T', () => {
    // α = 1, floor 0.1: ratios 1, 0.25, 0.5 → q = 4/7, 1/7, 2/7 → p = 0.9q + 1/30.
    const p = [0.9 * (4 / 7) + 1 / 30, 0.9 * (1 / 7) + 1 / 30, 0.9 * (2 / 7) + 1 / 30];
    importanceProbs([2, 0.5, 1], [2, 2, 2], 1, 0.1).forEach((v, t) => expect(v).toBeCloseTo(p[t] ?? 0, 12));
    const { sampler } = instantiate(importance, setting, { alpha: 1, floor: 0.1 });
    const fb = (step: number): SamplerFeedback => ({
      step,
      taskLosses: [2, 0.5, 1],
      initialLosses: [2, 2, 2],
    });
    expectBinomial(activeCounts(draws(sampler, N, fb), 3), p, N);
  });

  it('responds to the losses: α sharpens, the floor bounds from below, no report means uniform', () => {
    // α = 2: q ∝ 1, 1/16, 1/4.
    const q = [1, 1 / 16, 1 / 4].map((v) => v / (1 + 1 / 16 + 1 / 4));
    importanceProbs([2, 0.5, 1], [2, 2, 2], 2, 0).forEach((v, t) => expect(v).toBeCloseTo(q[t] ?? 0, 12));
    // A task at loss 0 keeps floor / T.
    expect(importanceProbs([1, 0, 1], [1, 1, 1], 1, 0.3)[1]).toBeCloseTo(0.1, 12);
    // Meaningless ratios count as 1.
    expect(importanceProbs([NaN, 1, 1], [1, 0, 1], 1, 0)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const { sampler } = instantiate(importance, setting);
    expectBinomial(activeCounts(draws(sampler, N), 3), [1 / 3, 1 / 3, 1 / 3], N);
  });

  it('without initialLosses, the first reported losses are the start', () => {
    const { sampler } = instantiate(importance, setting, { alpha: 1, floor: 0 });
    // First report [4, 4, 4]; later task 0 is still at 4, tasks 1 and 2 have fallen to 1: p = 4/6, 1/6, 1/6.
    const fb = (step: number): SamplerFeedback => ({ step, taskLosses: step === 0 ? [4, 4, 4] : [4, 1, 1] });
    const plans = draws(sampler, N + 1, fb).slice(1);
    expectBinomial(activeCounts(plans, 3), [4 / 6, 1 / 6, 1 / 6], N);
  });
});
