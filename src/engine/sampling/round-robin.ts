/**
 * Round-robin: one task per step, in turn (0, 1, ..., T−1, 0, ...), each from its own shuffled epochs. The
 * simplest schedule of alternating multi-task training, the baseline of the task-sampling comparison in
 * Stickland & Murray, "BERT and PALs", ICML 2019, arXiv:1902.02671. The turn counts this instance's own
 * calls (so a sampler switched in mid-run starts with task 0) and lives in the state.
 *
 * Shared inputs: the batch comes from the one pool; the turn only says whose loss counts.
 */
import { MethodState } from '../stateful/state';
import { checkContext, shareTracker, singleTaskPlanner } from './plan';
import { defineSampler } from './types';

export const roundRobin = defineSampler({
  id: 'round-robin',
  label: 'Round-robin',
  summary: 'One task per step, in turn: every task gets exactly the same number of steps, whatever its size.',
  citation:
    'Stickland & Murray, "BERT and PALs: Projected Attention Layers for Efficient Adaptation in Multi-Task Learning", ICML 2019, arXiv:1902.02671',
  params: {},
  partial: true,
  usesTaskLosses: false,
  views: [{ kind: 'task-shares' }],
  create: (ctx) => {
    checkContext(ctx);
    const state = new MethodState();
    const plan = singleTaskPlanner(state, ctx);
    const tracker = shareTracker(state, ctx.numTasks);
    const turn = state.box('turn', 0);
    return {
      next: () => {
        const task = turn.value % ctx.numTasks;
        turn.value++;
        return tracker.record(plan(task));
      },
      shares: tracker.shares,
      state,
    };
  },
});
