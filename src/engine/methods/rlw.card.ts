/**
 * The card of rlw.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * Random Loss Weighting. Lin, Ye, Zhang & Tsang, "Reasonable Effectiveness of Random Weighting: A Litmus
 * Test for Multi-Task Learning", TMLR 2022, arXiv:2111.10603; LibMTL/weighting/RLW.py.
 */
import { choice } from '../params/spec';
import { defineMethodCard } from './card';

export const RLW_DISTRIBUTIONS = [
  'normal',
  'uniform',
  'dirichlet',
  'bernoulli',
  'constrained-bernoulli',
] as const;
export type RlwDistribution = (typeof RLW_DISTRIBUTIONS)[number];

export const rlwCard = defineMethodCard({
  id: 'rlw',
  label: 'Random loss weighting',
  group: 'loss-weighting',
  summary:
    'Draws random task weights afresh at every step (by default T·softmax of standard normal draws, so each weight averages 1): a baseline that tests whether careful weighting beats chance.',
  citation:
    'Lin, Ye, Zhang & Tsang, "Reasonable Effectiveness of Random Weighting: A Litmus Test for Multi-Task Learning", TMLR 2022, arXiv:2111.10603',
  scale: 'sum',
  params: {
    distribution: choice({
      label: 'Distribution',
      help: "Where the weights come from: 'normal' (the paper's choice: T·softmax of N(0,1) draws), 'uniform' (softmax of U(0,1)), 'dirichlet' (softmax of a Dir(1) draw, as LibMTL), 'bernoulli' (each task on or off) or 'constrained-bernoulli' (one random task per step).",
      default: 'normal',
      options: RLW_DISTRIBUTIONS,
    }),
  },
  stateful: false,
  stochastic: true,
  properties: {
    variants: [
      { distribution: 'uniform' },
      { distribution: 'dirichlet' },
      { distribution: 'bernoulli' },
      { distribution: 'constrained-bernoulli' },
    ],
    equivariant: false,
  },
});
