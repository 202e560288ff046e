/**
 * The contract every registered sampler meets, with separate and with shared inputs: fixed shapes, valid
 * indices, weights 0/1 consistent with `active`, shared inputs giving every task the same indices,
 * determinism under a seed, snapshot/restore continuing identically, telemetry that sums to 1, and
 * parameter validation through the spec validator.
 */
import { describe, expect, it } from 'vitest';
import { restoreMethod, snapshotMethod, type MethodSnapshot } from '../stateful/state';
import { validateParams } from '../params/validate';
import { SAMPLERS, findSampler } from './registry';
import { SEPARATE, SHARED, instantiate, plainPlan, runPlans, type Setting } from './testing';
import type { SamplerEntry } from './types';

const STEPS = 40;

describe('sampler registry', () => {
  it('menu order, unique lowercase ids, documented parameters', () => {
    expect(SAMPLERS.map((s) => s.id)).toEqual([
      'mixed',
      'round-robin',
      'proportional',
      'temperature',
      'uniform',
      'importance',
      'curriculum',
      'bandit',
    ]);
    for (const s of SAMPLERS) {
      expect(s.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(findSampler(s.id)).toBe(s);
      expect(s.summary.length).toBeGreaterThan(20);
      expect(s.citation).toMatch(/\d{4}/);
      for (const spec of Object.values(s.params)) expect(spec.help.length).toBeGreaterThan(10);
    }
    expect(findSampler('nope')).toBeUndefined();
  });

  it('rejects a context it cannot serve', () => {
    const entry = findSampler('mixed') as SamplerEntry;
    expect(() => instantiate(entry, { counts: [10, 4], batchSize: 5, shared: false })).toThrow(/smallest/);
    expect(() => instantiate(entry, { counts: [10, 12], batchSize: 5, shared: true })).toThrow(/equal/);
  });
});

describe.each(SAMPLERS.map((entry) => ({ name: entry.id, entry })))('$name', ({ entry }) => {
  describe.each([
    { mode: 'separate inputs', setting: SEPARATE },
    { mode: 'shared inputs', setting: SHARED },
  ])('$mode', ({ setting }: { setting: Setting }) => {
    const T = setting.counts.length;
    const B = setting.batchSize;

    it('fixed shapes, valid indices, 0/1 weights matching `active`', () => {
      const { sampler, params } = instantiate(entry, setting);
      for (const plan of runPlans(entry, sampler, params, setting, STEPS)) {
        expect(plan.indices).toHaveLength(T);
        expect(plan.sampleWeights).toHaveLength(T);
        expect(plan.active).toHaveLength(T);
        for (let t = 0; t < T; t++) {
          const idx = plan.indices[t] as Int32Array;
          const w = plan.sampleWeights[t] as Float32Array;
          expect(idx).toBeInstanceOf(Int32Array);
          expect(w).toBeInstanceOf(Float32Array);
          expect(idx.length).toBe(B);
          expect(w.length).toBe(B);
          idx.forEach((i) => expect(i >= 0 && i < (setting.counts[t] ?? 0)).toBe(true));
          w.forEach((v) => expect(v === 0 || v === 1).toBe(true));
          expect(plan.active[t]).toBe(w.some((v) => v > 0));
          // A task's real samples are distinct.
          const real = [...idx].filter((_, i) => (w[i] ?? 0) > 0);
          expect(new Set(real).size).toBe(real.length);
          if (setting.shared) expect([...idx]).toEqual([...(plan.indices[0] as Int32Array)]);
        }
        expect(plan.active.some(Boolean)).toBe(true);
        if (!entry.partial) expect(plan.active.every(Boolean)).toBe(true);
      }
    });

    it('shares: fractions of the real samples, summing to 1', () => {
      const { sampler, params } = instantiate(entry, setting);
      expect(sampler.shares().total).toEqual(new Array(T).fill(0));
      const plans = runPlans(entry, sampler, params, setting, STEPS);
      const real = new Array<number>(T).fill(0);
      plans.forEach((p) =>
        p.sampleWeights.forEach((w, t) => (real[t] = (real[t] ?? 0) + w.reduce((a, b) => a + b))),
      );
      const sum = real.reduce((a, b) => a + b);
      const { total, recent } = sampler.shares();
      total.forEach((s, t) => expect(s).toBeCloseTo((real[t] ?? 0) / sum, 12));
      expect(recent.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
      recent.forEach((s) => expect(s).toBeGreaterThanOrEqual(0));
    });

    it('deterministic under a seed, different under another', () => {
      const a = instantiate(entry, setting, {}, 5);
      const b = instantiate(entry, setting, {}, 5);
      const c = instantiate(entry, setting, {}, 6);
      const pa = runPlans(entry, a.sampler, a.params, setting, STEPS).map(plainPlan);
      expect(runPlans(entry, b.sampler, b.params, setting, STEPS).map(plainPlan)).toEqual(pa);
      expect(runPlans(entry, c.sampler, c.params, setting, STEPS).map(plainPlan)).not.toEqual(pa);
    });

    it('a restored snapshot continues exactly like the original', async () => {
      const original = instantiate(entry, setting, {}, 3);
      runPlans(entry, original.sampler, original.params, setting, STEPS);
      const snap = JSON.parse(
        JSON.stringify(await snapshotMethod(entry.id, original.sampler.state, original.rng)),
      ) as MethodSnapshot;
      const expected = runPlans(entry, original.sampler, original.params, setting, STEPS, STEPS).map(
        plainPlan,
      );
      const resumed = instantiate(entry, setting, {}, 99);
      restoreMethod(entry.id, resumed.sampler.state, resumed.rng, snap);
      const got = runPlans(entry, resumed.sampler, resumed.params, setting, STEPS, STEPS).map(plainPlan);
      expect(got).toEqual(expected);
      expect(resumed.sampler.shares()).toEqual(original.sampler.shares());
    });
  });

  it('parameters validate through the spec validator', () => {
    const ok = validateParams(entry.params, undefined, 'sampling.params');
    expect(ok.ok).toBe(true);
    for (const [key, spec] of Object.entries(entry.params)) {
      const bad: unknown[] =
        spec.kind === 'number'
          ? [spec.min - 1, spec.max * 2 + 1, ...(spec.integer ? [spec.min + 0.5] : []), 'x']
          : spec.kind === 'enum'
            ? ['no-such-option', 3]
            : [];
      expect(bad.length).toBeGreaterThan(0);
      for (const value of bad) {
        const res = validateParams(entry.params, { [key]: value }, 'sampling.params');
        expect(res.ok).toBe(false);
        if (!res.ok) expect(res.issues[0]?.path).toBe(`sampling.params.${key}`);
      }
    }
    const unknown = validateParams(entry.params, { nope: 1 }, 'sampling.params');
    expect(unknown.ok).toBe(false);
  });
});
