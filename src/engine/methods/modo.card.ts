/**
 * The card of modo.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * MoDo (multi-objective gradient with double sampling). Chen, Fernando, Ying & Chen, "Three-Way Trade-Off
 * in Multi-Objective Learning: Optimization, Generalization and Conflict-Avoidance", NeurIPS 2023,
 * arXiv:2305.20057 (Algorithm 1); LibMTL/weighting/MoDo.py, from the authors' heshandevaka/Trade-Off-MOL.
 */
import { num } from '../params/spec';
import { defineMethodCard } from './card';

export const modoCard = defineMethodCard({
  id: 'modo',
  label: 'MoDo',
  group: 'multi-objective',
  summary:
    'Moves the task weights a small step per training step towards the MGDA weights (the shortest combination of the task gradients) instead of solving for them, then follows the weighted gradient.',
  citation:
    'Chen, Fernando, Ying & Chen, "Three-Way Trade-Off in Multi-Objective Learning: Optimization, Generalization and Conflict-Avoidance", NeurIPS 2023, arXiv:2305.20057',
  scale: 'convex',
  params: {
    gamma: num({
      label: 'γ (weight step size)',
      help: 'Step size of the task weights λ on the simplex. LibMTL uses 0.001: the weights then move slowly away from equal. Larger values track the MGDA weights more closely.',
      default: 0.001,
      min: 0,
      max: 10,
    }),
    rho: num({
      label: 'ρ (weight regularisation)',
      help: "ℓ2 regularisation of the weights in their update: pulls λ towards equal weights. LibMTL's default is 0.1.",
      default: 0.1,
      min: 0,
      max: 10,
    }),
  },
  stateful: true,
  stochastic: false,
  properties: { variants: [{ gamma: 0.1 }], equivariant: true },
});
