/**
 * Uniform task sampling: each step trains one task, each with probability 1/T whatever its size (the
 * τ → ∞ limit of temperature sampling; Arivazhagan et al. 2019, arXiv:1907.05019). Unlike
 * round-robin the order is random, so the step counts per task only agree on average.
 */
import { defineSampler } from './types';
import { fixedDrawInstance } from './plan';

export const uniform = defineSampler({
  id: 'uniform',
  label: 'Uniform',
  summary:
    'One task per step, each equally likely: small tasks get as many steps as large ones (and overfit sooner).',
  citation:
    'Arivazhagan et al., "Massively Multilingual Neural Machine Translation in the Wild: Findings and Challenges", 2019, arXiv:1907.05019',
  params: {},
  partial: true,
  usesTaskLosses: false,
  views: [{ kind: 'task-shares' }],
  create: (ctx) =>
    fixedDrawInstance(
      ctx,
      ctx.counts.map(() => 1 / ctx.numTasks),
    ),
});
