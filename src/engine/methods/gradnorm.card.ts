/**
 * The card of gradnorm.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * GradNorm. Chen, Badrinarayanan, Lee & Rabinovich, "GradNorm: Gradient Normalization for Adaptive Loss
 * Balancing in Deep Multitask Networks", ICML 2018, arXiv:1711.02257.
 */
import { num } from '../params/spec';
import { defineMethodCard } from './card';

export const gradnormCard = defineMethodCard({
  id: 'gradnorm',
  label: 'GradNorm',
  group: 'loss-weighting',
  summary:
    'Learns the task weights so that the weighted task-gradient norms stay equal, scaled up for tasks whose loss has fallen least since the start. Assumes positive losses (it raises loss ratios to the power α).',
  citation:
    'Chen, Badrinarayanan, Lee & Rabinovich, "GradNorm: Gradient Normalization for Adaptive Loss Balancing in Deep Multitask Networks", ICML 2018, arXiv:1711.02257',
  scale: 'sum',
  params: {
    alpha: num({
      label: 'α (restoring force)',
      help: 'How strongly tasks that train slower get larger gradient norms; 0 just equalises the norms. 1.5 as LibMTL (the paper uses 0.12 to 3).',
      default: 1.5,
      min: 0,
      max: 5,
    }),
  },
  stateful: true,
  stochastic: false,
  properties: { variants: [{ alpha: 0 }], equivariant: true },
});
