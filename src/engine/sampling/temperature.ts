/**
 * Temperature sampling: each step trains one task, drawn with p_t ∝ n_t^{1/τ} (equivalently
 * (n_t / Σ n)^{1/τ}). τ = 1 is proportional sampling, τ → ∞ uniform; in between, small tasks are
 * oversampled without starving large ones. Arivazhagan et al., "Massively Multilingual Neural Machine
 * Translation in the Wild: Findings and Challenges", 2019, arXiv:1907.05019 (they compare τ = 1, 5,
 * 100; T5 (arXiv:1910.10683, §3.5.2) uses the same rule for mixing rates).
 *
 * Shared inputs: all n_t are equal (one pool), so every τ gives uniform.
 */
import { num } from '../params/spec';
import { defineSampler } from './types';
import { fixedDrawInstance, normalised } from './plan';

/** p_t ∝ n_t^{1/τ}, computed relative to the largest task so large counts and τ stay finite. */
export function temperatureProbs(counts: readonly number[], tau: number): number[] {
  const logs = counts.map((n) => Math.log(n));
  const top = Math.max(...logs);
  return normalised(logs.map((l) => Math.exp((l - top) / tau)));
}

export const temperature = defineSampler({
  id: 'temperature',
  label: 'Temperature',
  summary:
    'One task per step, drawn with probability ∝ (training samples)^(1/τ): τ = 1 is proportional, large τ approaches uniform.',
  citation:
    'Arivazhagan et al., "Massively Multilingual Neural Machine Translation in the Wild: Findings and Challenges", 2019, arXiv:1907.05019',
  params: {
    tau: num({
      label: 'Temperature τ',
      help: 'Flattens the proportional distribution: 1 is proportional to data size, large values approach uniform. Arivazhagan et al. compare 1, 5 and 100.',
      default: 2,
      min: 0.1,
      max: 1000,
      scale: 'log',
    }),
  },
  partial: true,
  usesTaskLosses: false,
  views: [{ kind: 'task-shares' }],
  create: (ctx) => fixedDrawInstance(ctx, temperatureProbs(ctx.counts, ctx.params.tau)),
});
