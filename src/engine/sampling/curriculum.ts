/**
 * Curriculum by sample difficulty: easy samples first. Every task trains every step, but only on the
 * easiest fraction f(s) of its samples, ranked by their current train loss, and f grows from `start` to 1
 * over `pace` steps (the pacing function): linear, or exponential f(s) = start · (1/start)^{s/pace}, the
 * continuous form of the fixed exponential pacing of Hacohen & Weinshall, "On The Power of Curriculum
 * Learning in Training Deep Networks", ICML 2019, arXiv:1904.03626. The idea is Bengio et al.,
 * "Curriculum learning", ICML 2009. Difficulty is scored by the network being trained, refreshed every
 * `rescore` steps from the trainer's `sampleLosses` (as self-paced learning does: Kumar, Packer & Koller,
 * NeurIPS 2010), not by a teacher: Hacohen & Weinshall score once, with a pretrained network ("transfer")
 * or a first run of the same network ("self-taught"), neither of which a live playground run has.
 *
 * Within the easy set, samples follow the pool's shuffled epochs: the order is walked front to back and
 * the samples not (yet) available are passed over, so nothing repeats within an epoch. At least batchSize
 * samples are always available. Until the first scores arrive every sample counts as available.
 * Shared inputs: one pool, ranked by each sample's mean rank over the tasks; all tasks see the same batch.
 */
import { choice, int, num } from '../params/spec';
import { MethodState } from '../stateful/state';
import { epochStreams } from './epochs';
import { checkContext, planOf, shareTracker, slots } from './plan';
import { defineSampler } from './types';

/** Fraction of the easiest samples available at call `s`. */
export function pacing(s: number, start: number, pace: number, shape: 'linear' | 'exponential'): number {
  const progress = Math.min(1, s / pace);
  const f = shape === 'linear' ? start + (1 - start) * progress : start * Math.pow(1 / start, progress);
  return Math.min(1, f);
}

/** rank[i] of each value, 0 = smallest; ties by index; NaN counts as largest. */
export function ranksOf(values: ArrayLike<number>): number[] {
  const key = (i: number): number => {
    const v = values[i] ?? NaN;
    return Number.isNaN(v) ? Infinity : v;
  };
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
  const ranks = new Array<number>(values.length);
  order.forEach((sample, r) => (ranks[sample] = r));
  return ranks;
}

export const curriculum = defineSampler({
  id: 'curriculum',
  label: 'Curriculum (easy first)',
  summary:
    "Every task trains each step, but only on its easiest samples by current loss; the easy fraction grows from 'start' to all samples over 'pace' steps.",
  citation:
    'Bengio et al., "Curriculum learning", ICML 2009; Hacohen & Weinshall, "On The Power of Curriculum Learning in Training Deep Networks", ICML 2019, arXiv:1904.03626',
  params: {
    start: num({
      label: 'Starting fraction',
      help: 'Fraction of the easiest samples available at the first step (never fewer than one batch).',
      default: 0.2,
      min: 0.01,
      max: 1,
    }),
    pace: int({
      label: 'Pace (steps)',
      help: 'Steps over which the available fraction grows to all samples; afterwards this is plain shuffled epochs.',
      default: 1000,
      min: 1,
      max: 1_000_000,
    }),
    pacing: choice({
      label: 'Pacing function',
      help: 'How the fraction grows: linear, or exponential (slow first, fast at the end, as Hacohen & Weinshall).',
      default: 'linear',
      options: ['linear', 'exponential'] as const,
    }),
    rescore: int({
      label: 'Rescore every (steps)',
      help: 'How often the trainer recomputes every training sample’s loss to re-rank difficulty (costs a pass over the training set).',
      default: 100,
      min: 1,
      max: 100_000,
    }),
  },
  partial: false,
  usesTaskLosses: false,
  views: [{ kind: 'task-shares' }],
  sampleLossesEvery: (params) => params.rescore,
  create: (ctx) => {
    checkContext(ctx);
    const { numTasks, counts, batchSize, sharedInputs, rng, params } = ctx;
    const sizes = sharedInputs ? [counts[0] ?? 0] : [...counts];
    const state = new MethodState();
    const streams = epochStreams(state, rng, sizes);
    const tracker = shareTracker(state, numTasks);
    const ranks = state.box<number[][]>(
      'ranks',
      sizes.map(() => []),
    ); // empty until scored
    const calls = state.box('calls', 0);

    const rescore = (losses: readonly Float32Array[]): void => {
      if (losses.length !== numTasks || losses.some((l, t) => l.length !== counts[t]))
        throw new Error('curriculum: sampleLosses needs one loss per training sample of each task');
      if (!sharedInputs) ranks.value = losses.map((l) => ranksOf(l));
      else {
        const perTask = losses.map((l) => ranksOf(l));
        const mean = Array.from({ length: sizes[0] ?? 0 }, (_, i) =>
          perTask.reduce((acc, r) => acc + (r[i] ?? 0), 0),
        );
        ranks.value = [ranksOf(mean)];
      }
    };
    const draw = (pool: number): number[] => {
      const rank = ranks.value[pool] ?? [];
      const n = sizes[pool] ?? 0;
      const fraction = pacing(calls.value, params.start, params.pace, params.pacing);
      const available = Math.max(batchSize, Math.ceil(fraction * n - 1e-9));
      const scored = rank.length === n;
      return streams.takeWhere(pool, batchSize, (i) => !scored || (rank[i] ?? n) < available);
    };

    return {
      next: ({ sampleLosses }) => {
        if (sampleLosses) rescore(sampleLosses);
        const batches = sizes.map((_, pool) => draw(pool));
        calls.value++;
        const parts = counts.map((_, t) => slots(batches[sharedInputs ? 0 : t] ?? [], batchSize));
        return tracker.record(planOf(parts));
      },
      shares: tracker.shares,
      state,
    };
  },
});
