/**
 * The card of excess-mtl.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * ExcessMTL. He, Zhou, Zhang, Yun, Xu, Zeng, Chilimbi & Zhao, "Robust Multi-Task Learning with
 * Excess Risks", ICML 2024, arXiv:2402.02009; LibMTL/weighting/ExcessMTL.py (taken from the authors'
 * yifei-he/ExcessMTL, identical but for a print).
 */
import { num } from '../params/spec';
import { defineMethodCard } from './card';

export const excessMtlCard = defineMethodCard({
  id: 'excess-mtl',
  label: 'ExcessMTL',
  group: 'loss-weighting',
  summary:
    'Raises the weight of tasks that are still far from their own best (an excess-risk estimate from the accumulated squared gradients), not of tasks whose loss is merely large, so noisy tasks do not take over.',
  citation:
    'He, Zhou, Zhang, Yun, Xu, Zeng, Chilimbi & Zhao, "Robust Multi-Task Learning with Excess Risks", ICML 2024, arXiv:2402.02009',
  scale: 'sum',
  params: {
    robustStepSize: num({
      label: 'η (step size)',
      help: 'Step size of the exponentiated-gradient update of the weights: larger values move the weights faster towards the tasks with the largest relative excess risk. LibMTL’s default is 0.01.',
      default: 0.01,
      min: 0,
      max: 10,
    }),
  },
  stateful: true,
  stochastic: false,
  properties: { variants: [{ robustStepSize: 1 }], equivariant: true },
});
