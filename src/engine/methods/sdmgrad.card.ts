/**
 * The card of sdmgrad.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * SDMGrad (stochastic direction-oriented multi-objective gradient descent). Xiao, Ban & Ji,
 * "Direction-oriented Multi-objective Learning: Simple and Provable Stochastic Algorithms", NeurIPS 2023,
 * arXiv:2305.18409; LibMTL/weighting/SDMGrad.py, from the authors' OptMN-Lab/sdmgrad.
 */
import { int, num } from '../params/spec';
import { defineMethodCard } from './card';

export const sdmgradCard = defineMethodCard({
  id: 'sdmgrad',
  label: 'SDMGrad',
  group: 'multi-objective',
  summary:
    'Like MGDA it looks for a combination of the task gradients that helps every task, but a regulariser λ keeps it close to the plain average gradient; the weights are refined by a few steps each training step.',
  citation:
    'Xiao, Ban & Ji, "Direction-oriented Multi-objective Learning: Simple and Provable Stochastic Algorithms", NeurIPS 2023, arXiv:2305.18409',
  scale: 'convex',
  params: {
    lambda: num({
      label: 'λ (pull to the mean)',
      help: 'How strongly the direction is kept near the mean gradient: 0 is MGDA-like, large values approach plain gradient descent on the mean loss. LibMTL uses 0.3; the paper tunes it per data set.',
      default: 0.3,
      min: 0,
      max: 100,
    }),
    niter: int({
      label: 'Inner iterations',
      help: 'Projected gradient steps on the weights per training step (LibMTL: 20). 0 keeps the weights at their start, equal weights.',
      default: 20,
      min: 0,
      max: 1000,
    }),
    lr: num({
      label: 'Inner step size',
      help: "Step size of the inner steps, on the Gram matrix divided by the squared mean gradient norm. LibMTL's 5 (the authors use 10) lets the weights jump between corners when gradients conflict; about 1/T or less converges (for gradients of similar norms).",
      default: 5,
      min: 0.001,
      max: 100,
      scale: 'log',
    }),
  },
  stateful: true,
  stochastic: false,
  properties: { variants: [{ lr: 0.2, niter: 50 }, { niter: 0 }], equivariant: true },
});
