/**
 * The card of si.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * Scale-invariant loss (SI): minimise Σ_t log L_t. The "SI" baseline of Navon, Shamsian, Achituve, Maron,
 * Kawaguchi, Chechik & Fetaya, "Multi-Task Learning as a Bargaining Game", ICML 2022, arXiv:2202.01017.
 */
import { defineMethodCard } from './card';

export const siCard = defineMethodCard({
  id: 'si',
  label: 'Scale-invariant (log losses)',
  group: 'loss-weighting',
  summary:
    'Minimises the sum of the logarithms of the task losses, which divides each task gradient by its loss: multiplying a loss by a constant leaves the update unchanged. Needs positive losses: a loss ≤ 0 stops the run with an error naming this method.',
  citation:
    'Navon, Shamsian, Achituve, Maron, Kawaguchi, Chechik & Fetaya, "Multi-Task Learning as a Bargaining Game", ICML 2022, arXiv:2202.01017',
  scale: 'sum',
  params: {},
  stateful: false,
  stochastic: false,
  properties: { variants: [], equivariant: true, lossScaleInvariant: true },
});
