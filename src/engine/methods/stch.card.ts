/**
 * The card of stch.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * Smooth Tchebycheff scalarisation. Lin, Zhang, Yang, Liu, Wang & Zhang, "Smooth Tchebycheff Scalarization
 * for Multi-Objective Optimization", ICML 2024, arXiv:2402.19078; LibMTL/weighting/STCH.py (the same as
 * the authors' Xi-L/STCH STCH_MTL/LibMTL/weighting/STCH.py).
 */
import { int, num } from '../params/spec';
import { defineMethodCard } from './card';

export const stchCard = defineMethodCard({
  id: 'stch',
  label: 'Smooth Tchebycheff',
  group: 'loss-weighting',
  summary:
    'Minimises a smooth maximum of the log-losses, each relative to its average during a warm-up: the task that is worst off relative to that point gets most of the weight. Needs positive losses.',
  citation:
    'Lin, Zhang, Yang, Liu, Wang & Zhang, "Smooth Tchebycheff Scalarization for Multi-Objective Optimization", ICML 2024, arXiv:2402.19078',
  scale: 'sum',
  params: {
    mu: num({
      label: 'μ (smoothing)',
      help: 'Smoothing of the maximum: small μ follows the worst task only (Tchebycheff), large μ weighs the log-losses equally. LibMTL’s default is 1.',
      default: 1,
      min: 0.001,
      max: 1000,
      scale: 'log',
    }),
    warmup: int({
      label: 'Warm-up (steps)',
      help: 'Steps of plain log-loss training before the nadir is measured. LibMTL warms up for 4 epochs; 200 steps play 4 epochs of 50.',
      default: 200,
      min: 0,
      max: 100_000,
    }),
    nadirSteps: int({
      label: 'Nadir steps',
      help: 'Steps after the warm-up (still plain log-loss training) whose mean losses become the nadir point that each loss is measured against. LibMTL averages one epoch.',
      default: 50,
      min: 1,
      max: 100_000,
    }),
  },
  stateful: true,
  stochastic: false,
  properties: {
    variants: [{ warmup: 1, nadirSteps: 2, mu: 0.5 }],
    equivariant: true,
    lossScaleInvariant: true, // log-losses, then each loss relative to its own nadir
  },
});
