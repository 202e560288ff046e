/**
 * Mixed batches: every step holds samples of every task, each drawn from its own shuffled epochs.
 *
 * 'equal' gives each task all batchSize slots: the playground's original behaviour, drawing exactly what
 * train/batches.ts's EpochSampler drew (same rng stream, same order of draws), so existing runs replay
 * unchanged. 'proportional' gives task t a quota of batchSize · n_t / max_s n_s real slots (stochastic
 * rounding keeps the expected quota exact; at least 1 so no task drops out), padding the rest with weight
 * 0: the mix of examples-proportional mixing (Raffel et al. 2020, T5, §3.5.2) within fixed-shape batches.
 *
 * Shared inputs: one pool, every task the same batchSize samples; all counts are equal, so 'proportional'
 * is 'equal' there.
 */
import { choice } from '../params/spec';
import { epochStreams } from './epochs';
import { checkContext, planOf, shareTracker, slots } from './plan';
import { MethodState } from '../stateful/state';
import { defineSampler } from './types';

export const mixed = defineSampler({
  id: 'mixed',
  label: 'Mixed batches',
  summary:
    'Every batch holds every task, each from its own shuffled epochs: all tasks a full batch (equal), or quotas proportional to their data size with the rest of the slots padded.',
  citation:
    'Raffel et al., "Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer", JMLR 2020, arXiv:1910.10683 (examples-proportional mixing)',
  params: {
    quota: choice({
      label: 'Quota per task',
      help: 'equal: every task fills the whole batch each step (the default). proportional: the largest task fills it, smaller ones a share ∝ their number of training samples, the rest of their slots padded.',
      default: 'equal',
      options: ['equal', 'proportional'] as const,
    }),
  },
  partial: false,
  usesTaskLosses: false,
  create: (ctx) => {
    checkContext(ctx);
    const { numTasks, counts, batchSize, sharedInputs, rng, params } = ctx;
    const state = new MethodState();
    // Shared inputs: one stream of indices serves every task (as EpochSampler did).
    const streams = epochStreams(state, rng, sharedInputs ? [counts[0] ?? 0] : counts);
    const tracker = shareTracker(state, numTasks);
    const largest = Math.max(...counts);
    const quota = (t: number): number => {
      if (params.quota === 'equal' || sharedInputs) return batchSize;
      const exact = (batchSize * (counts[t] ?? 0)) / largest;
      const whole = Math.floor(exact);
      const up = exact > whole && rng.next() < exact - whole ? 1 : 0;
      return Math.min(batchSize, Math.max(1, whole + up));
    };
    return {
      next: () => {
        if (sharedInputs) {
          const batch = streams.take(0, batchSize);
          return tracker.record(planOf(counts.map(() => slots(batch, batchSize))));
        }
        return tracker.record(planOf(counts.map((_, t) => slots(streams.take(t, quota(t)), batchSize))));
      },
      shares: tracker.shares,
      state,
    };
  },
});
