/**
 * The card of cagrad.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * CAGrad (conflict-averse gradient descent). Liu, Liu, Jin, Stone & Liu, "Conflict-Averse Gradient Descent
 * for Multi-task Learning", NeurIPS 2021, arXiv:2110.14048; LibMTL/weighting/CAGrad.py, Cranial-XIX/CAGrad.
 */
import { int, num } from '../params/spec';
import { defineMethodCard } from './card';

export const cagradCard = defineMethodCard({
  id: 'cagrad',
  label: 'CAGrad',
  group: 'multi-objective',
  summary:
    'Moves along the mean gradient, bent within a ball of radius c·|mean gradient| towards the direction that most improves the worst-off task.',
  citation:
    'Liu, Liu, Jin, Stone & Liu, "Conflict-Averse Gradient Descent for Multi-task Learning", NeurIPS 2021, arXiv:2110.14048',
  scale: 'mean',
  params: {
    c: num({
      label: 'c (conflict aversion)',
      help: 'Radius of the ball around the mean gradient, relative to its norm. 0 is plain gradient descent on the mean loss; below 1 it still converges to a minimum of the mean loss. 0.5 as LibMTL.',
      default: 0.5,
      min: 0,
      max: 10,
    }),
    rescale: int({
      label: 'Rescale',
      help: "Divide the update by 1 (0), 1 + c² (1, LibMTL's default) or 1 + c (2), so that larger c does not simply mean larger steps.",
      default: 1,
      min: 0,
      max: 2,
    }),
  },
  stateful: false,
  stochastic: false,
  properties: { variants: [{ rescale: 0 }, { c: 0.9, rescale: 2 }], equivariant: true },
});
