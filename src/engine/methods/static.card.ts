/**
 * The card of static.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * Static weights: a fixed, user-chosen weighted sum Σ_t w_t L_t (the hand-tuned baseline of, e.g.,
 * Kendall et al. CVPR 2018 Table 1). Caruana, "Multitask Learning", Machine Learning 28(1), 1997.
 */
import { checkPerTaskLength, numList } from '../params/spec';
import { defineMethodCard } from './card';

export const staticWeightsCard = defineMethodCard({
  id: 'static',
  label: 'Static weights',
  group: 'loss-weighting',
  summary: 'Minimises a fixed weighted sum of the task losses with weights you choose, one per task.',
  citation: 'Caruana, "Multitask Learning", Machine Learning 28(1), 1997',
  scale: 'sum',
  params: {
    weights: numList({
      label: 'Task weights',
      help: 'One weight per task, in task order; leave empty for 1 on every task (the same as equal weights).',
      default: [],
      min: 0,
      max: 1000,
      minLength: 0,
      maxLength: 16,
    }),
  },
  stateful: false,
  stochastic: false,
  check: (params, { numTasks }) => checkPerTaskLength(params.weights, 'weights', numTasks, true),
  properties: { variants: [{ weights: [] }], equivariant: true },
});
