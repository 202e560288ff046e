/**
 * Bandit (Exp3.S on learning progress): the pieces against hand/numpy values, and, on a simulated learner
 * whose task losses fall only when trained, that the steps flow to the task whose loss keeps falling, that
 * they move on when it stops, and that delayed, sparse reports still work.
 */
import { describe, expect, it } from 'vitest';
import { bandit, exp3Policy, quantile, rescaleReward, shareWeights } from './bandit';
import { instantiate, type Setting } from './testing';

const setting: Setting = { counts: [64, 64, 64], batchSize: 4, shared: false };

/**
 * A learner: training task t multiplies its loss by (1 − rate_t(step)). Reports every `every` steps, `lag`
 * steps late. Returns the sampler's recent and total shares.
 */
function simulate(
  steps: number,
  rate: (t: number, step: number) => number,
  opts: { every?: number; lag?: number; seed?: number; withStep?: boolean } = {},
) {
  const { every = 1, lag = 0, seed = 1, withStep = false } = opts;
  const { sampler } = instantiate(bandit, setting, {}, seed);
  const history: number[][] = [];
  let loss = [1, 1, 1];
  const snapshots: number[][] = [];
  for (let s = 0; s < steps; s++) {
    history.push([...loss]);
    const seen = s - lag;
    const at = seen - (seen % every);
    const reported = seen >= 0 ? history[at] : undefined;
    const plan = sampler.next({
      step: s,
      ...(reported ? { taskLosses: reported, ...(withStep ? { taskLossesStep: at } : {}) } : {}),
    });
    const task = plan.active.indexOf(true);
    loss = loss.map((l, t) => (t === task ? l * (1 - rate(t, s)) : l));
    if ((s + 1) % 500 === 0) snapshots.push(sampler.shares().recent);
  }
  return { ...sampler.shares(), snapshots };
}

describe('bandit pieces', () => {
  it('quantiles interpolate linearly (numpy default)', () => {
    // numpy.quantile([1, 2, 3, 4, 10], [0.2, 0.8]) = [1.8, 5.2]
    expect(quantile([1, 2, 3, 4, 10], 0.2)).toBeCloseTo(1.8, 12);
    expect(quantile([1, 2, 3, 4, 10], 0.8)).toBeCloseTo(5.2, 12);
    expect(quantile([7], 0.8)).toBe(7);
  });

  it('rewards rescaled to [−1, 1] by the 20th/80th percentiles', () => {
    const h = [1, 2, 3, 4, 10]; // q20 = 1.8, q80 = 5.2
    expect(rescaleReward(1, h)).toBe(-1);
    expect(rescaleReward(6, h)).toBe(1);
    expect(rescaleReward(3.5, h)).toBeCloseTo(0, 12); // midpoint
    expect(rescaleReward(2.65, h)).toBeCloseTo(-0.5, 12); // 2·0.85/3.4 − 1
    expect(rescaleReward(5, [5])).toBe(0);
  });

  it('policy: (1 − ε) softmax + ε/T', () => {
    // w = [0, ln 3]: softmax 1/4, 3/4 → 0.9·[0.25, 0.75] + 0.05.
    const p = exp3Policy([0, Math.log(3)], 0.1);
    expect(p[0]).toBeCloseTo(0.275, 12);
    expect(p[1]).toBeCloseTo(0.725, 12);
  });

  it('weight sharing by hand', () => {
    // w = [0, ln 3], α = 0.5, T = 2: e^w' = [0.5·1 + 0.5·3, 0.5·3 + 0.5·1] = [2, 2] → equal weights.
    expect(shareWeights([0, Math.log(3)], 0.5)).toEqual([0, 0]);
    // T = 3, α = 0.1, e^w = [1, 1, 4]: [0.9 + 0.05·5, 0.9 + 0.05·5, 3.6 + 0.05·2] = [1.15, 1.15, 3.7].
    const w = shareWeights([0, 0, Math.log(4)], 0.1);
    expect(w[0]).toBeCloseTo(Math.log(1.15 / 3.7), 12);
    expect(w[2]).toBe(0);
  });

  it('no reports: uniform draws, weights unchanged', () => {
    const { sampler } = instantiate(bandit, setting);
    for (let s = 0; s < 600; s++) sampler.next({ step: s });
    sampler.shares().total.forEach((v) => expect(Math.abs(v - 1 / 3)).toBeLessThan(0.08));
    expect(sampler.state.values.get('weights')?.value).toEqual([0, 0, 0]);
  });
});

describe('bandit allocation', () => {
  it('shifts its shares towards the task whose loss keeps falling', () => {
    const { recent, total } = simulate(3000, (t) => (t === 1 ? 0.002 : 0.0002));
    expect(recent[1]).toBeGreaterThan(0.8);
    expect(total[1]).toBeGreaterThan(0.75);
    // Exploration keeps the others alive: at least about ε/T = 1.7 % each.
    [recent[0], recent[2]].forEach((v) => expect(v).toBeGreaterThan(0.01));
  });

  it('tasks that learn alike share alike', () => {
    const { total } = simulate(3000, () => 0.001);
    total.forEach((v) => expect(v).toBeGreaterThan(0.25));
  });

  it('moves on when that task stops improving and another starts', () => {
    const { snapshots } = simulate(6000, (t, s) => (s < 3000 ? (t === 0 ? 0.002 : 0) : t === 2 ? 0.002 : 0));
    expect(snapshots[5]?.[0]).toBeGreaterThan(0.8); // step 3000: task 0 dominates
    expect(snapshots[11]?.[2]).toBeGreaterThan(0.8); // step 6000: task 2 has taken over
  });

  it.each([false, true])(
    'works with reports every 10 steps, 3 steps late (taskLossesStep given: %s)',
    (withStep) => {
      const { recent } = simulate(3000, (t) => (t === 1 ? 0.002 : 0.0002), { every: 10, lag: 3, withStep });
      expect(recent[1]).toBeGreaterThan(0.8);
    },
  );

  it('freshness: by taskLossesStep when given, else by a change of value', () => {
    const withStep = instantiate(bandit, setting, {}, 4).sampler;
    const byValue = instantiate(bandit, setting, {}, 4).sampler;
    const historyOf = (x: typeof withStep) => (x.state.values.get('history')?.value as number[]).length;
    // Flat losses, each report a step newer: fresh with the step, never fresh by value.
    for (let s = 0; s < 30; s++) {
      withStep.next({ step: s, taskLosses: [1, 1, 1], taskLossesStep: s });
      byValue.next({ step: s, taskLosses: [1, 1, 1] });
    }
    expect(historyOf(withStep)).toBe(29); // one reward per report after the first (one task trained each)
    expect(historyOf(byValue)).toBe(0);
    // The same report again (same step): nothing new.
    withStep.next({ step: 30, taskLosses: [0.5, 0.5, 0.5], taskLossesStep: 29 });
    expect(historyOf(withStep)).toBe(29);
  });
});
