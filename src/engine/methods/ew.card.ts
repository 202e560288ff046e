/**
 * The card of ew.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * Equal weighting: the plain sum of the task losses, the baseline every multi-task method is compared with.
 * Caruana, "Multitask Learning", Machine Learning 28(1), 1997 (no arXiv id); LibMTL's EW.py.
 */
import { defineMethodCard } from './card';

export const ewCard = defineMethodCard({
  id: 'ew',
  label: 'Equal weights',
  group: 'loss-weighting',
  summary: 'Minimises the plain sum of the task losses: every task gradient counts once. The baseline.',
  citation: 'Caruana, "Multitask Learning", Machine Learning 28(1), 1997',
  scale: 'sum',
  params: {},
  stateful: false,
  stochastic: false,
  properties: { variants: [], equivariant: true },
});
