/**
 * Proportional sampling: each step trains one task, drawn with probability p_t = n_t / Σ_s n_s (its share
 * of the training samples), so every sample is seen about equally often, as if the datasets were
 * concatenated. Stickland & Murray, "BERT and PALs", ICML 2019, arXiv:1902.02671 ("proportional
 * sampling"). Within the task: shuffled epochs.
 *
 * Shared inputs: all n_t are equal (one pool), so this is uniform over tasks.
 */
import { defineSampler } from './types';
import { fixedDrawInstance, normalised } from './plan';

export const proportional = defineSampler({
  id: 'proportional',
  label: 'Proportional',
  summary:
    'One task per step, drawn with probability proportional to its number of training samples: large tasks get most steps.',
  citation:
    'Stickland & Murray, "BERT and PALs: Projected Attention Layers for Efficient Adaptation in Multi-Task Learning", ICML 2019, arXiv:1902.02671',
  params: {},
  partial: true,
  usesTaskLosses: false,
  views: [{ kind: 'task-shares' }],
  create: (ctx) => fixedDrawInstance(ctx, normalised(ctx.counts)),
});
