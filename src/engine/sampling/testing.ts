/**
 * Helpers for the sampling tests (no test-framework imports, so it type-checks with the engine): build an
 * instance for a setting, and a deterministic stream of feedback a trainer could have sent.
 */
import { defaultParams, type AnyParams } from '../params/spec';
import { Rng } from '../random/rng';
import type { SamplerEntry, SamplerFeedback, SamplerInstance, StepPlan } from './types';

export interface Setting {
  counts: number[];
  batchSize: number;
  shared: boolean;
}

export const SEPARATE: Setting = { counts: [48, 30, 64], batchSize: 8, shared: false };
export const SHARED: Setting = { counts: [40, 40, 40], batchSize: 8, shared: true };

export function instantiate(
  entry: SamplerEntry,
  setting: Setting,
  overrides: AnyParams = {},
  seed = 11,
): { sampler: SamplerInstance; rng: Rng; params: AnyParams } {
  const rng = new Rng(seed);
  const params = { ...defaultParams(entry.params), ...overrides };
  const sampler = entry.create({
    numTasks: setting.counts.length,
    counts: setting.counts,
    batchSize: setting.batchSize,
    sharedInputs: setting.shared,
    params,
    rng,
  });
  return { sampler, rng, params };
}

/**
 * What a trainer might report at `step`: task losses that fall at different rates (reported with a lag of
 * two steps), and per-sample losses on the steps a strategy asks for them (`every` > 0).
 */
export function syntheticFeedback(step: number, setting: Setting, every = 0): SamplerFeedback {
  const T = setting.counts.length;
  const lossAt = (s: number): number[] => Array.from({ length: T }, (_, t) => Math.exp(-0.01 * (t + 1) * s));
  const seen = step - 2;
  return {
    step,
    ...(seen >= 0 ? { taskLosses: lossAt(seen), initialLosses: lossAt(0) } : {}),
    ...(every > 0 && step % every === 0
      ? {
          sampleLosses: setting.counts.map((n, t) =>
            Float32Array.from({ length: n }, (_, i) => ((i * 7 + t * 3 + step) % n) / n),
          ),
        }
      : {}),
  };
}

/** `steps` plans from `first` on, with the synthetic feedback. */
export function runPlans(
  entry: SamplerEntry,
  sampler: SamplerInstance,
  params: AnyParams,
  setting: Setting,
  steps: number,
  first = 0,
): StepPlan[] {
  const every = entry.sampleLossesEvery?.(params) ?? 0;
  return Array.from({ length: steps }, (_, i) => sampler.next(syntheticFeedback(first + i, setting, every)));
}

/** A plan as plain arrays, for deep equality. */
export function plainPlan(plan: StepPlan): { indices: number[][]; weights: number[][]; active: boolean[] } {
  return {
    indices: plan.indices.map((a) => [...a]),
    weights: plan.sampleWeights.map((a) => [...a]),
    active: [...plan.active],
  };
}

/** How often each task was the active one over `plans` (for one-task-per-step strategies). */
export function activeCounts(plans: readonly StepPlan[], numTasks: number): number[] {
  const counts = new Array<number>(numTasks).fill(0);
  for (const plan of plans) plan.active.forEach((a, t) => (counts[t] = (counts[t] ?? 0) + (a ? 1 : 0)));
  return counts;
}
