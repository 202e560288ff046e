/**
 * The card of fairgrad.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * FairGrad. Ban & Ji, "Fair Resource Allocation in Multi-Task Learning", ICML 2024, arXiv:2402.15638;
 * OptMN-Lab/fairgrad methods/weight_methods.py and LibMTL/weighting/FairGrad.py.
 */
import { num } from '../params/spec';
import { defineMethodCard } from './card';

export const fairgradCard = defineMethodCard({
  id: 'fairgrad',
  label: 'FairGrad',
  group: 'multi-objective',
  summary:
    'Shares the update among tasks like bandwidth under α-fairness: weights with g_t·d = w_t^(−1/α). Small α gives the plain sum, α = 1 is Nash-MTL, large α pushes towards equal progress on every task.',
  citation: 'Ban & Ji, "Fair Resource Allocation in Multi-Task Learning", ICML 2024, arXiv:2402.15638',
  scale: 'sum',
  params: {
    alpha: num({
      label: 'α (fairness)',
      help: "α-fairness: near 0 the sum of the gradients, 1 proportional fairness (Nash-MTL), large values max–min fairness. 1 is the default of the authors' code and LibMTL; the authors ran 2 on CelebA and QM9.",
      default: 1,
      min: 0.01,
      max: 100,
      scale: 'log',
    }),
    maxNorm: num({
      label: 'Max update norm',
      help: "Clip the update to this norm (0: no clipping, as LibMTL). The authors' code clips at 1.",
      default: 0,
      min: 0,
      max: 1000,
    }),
  },
  stateful: false,
  stochastic: false,
  properties: {
    variants: [{ alpha: 2 }, { alpha: 0.5, maxNorm: 1 }],
    equivariant: true,
    nonConflicting: () => true,
  },
});
