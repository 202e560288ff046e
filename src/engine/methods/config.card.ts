/**
 * The card of config.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * ConFIG (conflict-free inverse gradients). Liu, Chu & Thuerey, "ConFIG: Towards Conflict-free
 * Training of Physics Informed Neural Networks", ICLR 2025, arXiv:2408.11104, eq. 2; official code
 * tum-pbs/ConFIG (conflictfree/), torchjd aggregation/_config.py.
 */
import { defineMethodCard } from './card';

export const configCard = defineMethodCard({
  id: 'config',
  label: 'ConFIG',
  group: 'gradient-surgery',
  summary:
    'Finds the direction that makes the same angle with every task gradient (through a pseudo-inverse of the unit gradients) and gives it the length of the summed projections: every task improves, at the same rate per unit of its gradient.',
  citation:
    'Liu, Chu & Thuerey, "ConFIG: Towards Conflict-free Training of Physics Informed Neural Networks", ICLR 2025, arXiv:2408.11104',
  scale: 'sum',
  params: {},
  stateful: false,
  stochastic: false,
  properties: { variants: [], equivariant: true, nonConflicting: () => true },
});
