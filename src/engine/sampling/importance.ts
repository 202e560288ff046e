/**
 * Loss-driven task sampling: each step trains one task, drawn with
 *   p_t = (1 − floor) · q_t + floor / T,   q_t ∝ (L_t / L_t(0))^α,
 * so tasks that have made the least progress relative to their start are oversampled, and the floor keeps
 * every task at probability ≥ floor / T. The ratio L_t / L_t(0) is GradNorm's inverse training rate
 * (Chen et al., ICML 2018, arXiv:1711.02257, §3, with the same α) used as a sampling distribution
 * instead of a gradient target, in the spirit of the adaptive task sampling of Sharma et al., "Learning
 * to Multi-Task by Active Sampling", ICLR 2018, arXiv:1702.06053 (sample the tasks that lag most).
 *
 * L_t(0) is `initialLosses` when the trainer gives it, else the first `taskLosses` seen (kept in the
 * state). Before any loss report, and for α = 0, it samples uniformly. A ratio that means nothing (a
 * non-positive or non-finite start or loss) counts as 1. Shared inputs: the batch comes from the one pool;
 * the draw only says whose loss counts.
 */
import { num } from '../params/spec';
import { MethodState } from '../stateful/state';
import { checkContext, drawCategorical, shareTracker, singleTaskPlanner } from './plan';
import { defineSampler } from './types';

/** The sampling distribution for losses and start losses (exported for tests and telemetry). */
export function importanceProbs(
  losses: readonly number[] | undefined,
  start: readonly number[] | undefined,
  alpha: number,
  floor: number,
): number[] {
  const T = (losses ?? start ?? []).length;
  if (!losses || !start || start.length !== T) return new Array<number>(T).fill(1 / T);
  const q = losses.map((l, t) => {
    const l0 = start[t] ?? NaN;
    const ok = Number.isFinite(l) && Number.isFinite(l0) && l0 > 0 && l >= 0;
    return Math.pow(ok ? Math.min(l / l0, 1e6) : 1, alpha);
  });
  const sum = q.reduce((a, b) => a + b, 0);
  return q.map((v) => (1 - floor) * (sum > 0 ? v / sum : 1 / T) + floor / T);
}

export const importance = defineSampler({
  id: 'importance',
  label: 'Loss-driven',
  summary:
    'One task per step, drawn more often when its loss is still high relative to its start ((L/L₀)^α), with a floor so no task starves.',
  citation:
    'Chen et al., "GradNorm: Gradient Normalization for Adaptive Loss Balancing in Deep Multitask Networks", ICML 2018, arXiv:1711.02257 (inverse training rate); Sharma et al., "Learning to Multi-Task by Active Sampling", ICLR 2018, arXiv:1702.06053',
  params: {
    alpha: num({
      label: 'Strength α',
      help: 'Exponent on the loss ratio L/L₀: 0 samples uniformly, larger values chase the lagging task harder (GradNorm uses 0.5 to 3 for the same ratio).',
      default: 1,
      min: 0,
      max: 10,
    }),
    floor: num({
      label: 'Floor',
      help: 'Fraction of the draws spread uniformly over the tasks, so each task keeps a probability of at least floor / T.',
      default: 0.1,
      min: 0,
      max: 1,
    }),
  },
  partial: true,
  usesTaskLosses: true,
  views: [{ kind: 'task-shares' }],
  create: (ctx) => {
    checkContext(ctx);
    const { numTasks, params, rng } = ctx;
    const state = new MethodState();
    const plan = singleTaskPlanner(state, ctx);
    const tracker = shareTracker(state, numTasks);
    const firstSeen = state.box<number[]>('start', []); // empty until the first loss report
    return {
      next: ({ taskLosses, initialLosses }) => {
        // Non-finite values are stored as 0 (a start that means nothing: ratio 1), keeping the state JSON-safe.
        if (taskLosses && firstSeen.value.length === 0)
          firstSeen.value = taskLosses.map((l) => (Number.isFinite(l) ? l : 0));
        const start = initialLosses ?? (firstSeen.value.length ? firstSeen.value : undefined);
        const probs = taskLosses
          ? importanceProbs(taskLosses, start, params.alpha, params.floor)
          : new Array<number>(numTasks).fill(1 / numTasks);
        return tracker.record(plan(drawCategorical(rng, probs)));
      },
      shares: tracker.shares,
      state,
    };
  },
});
