/**
 * The card of famo.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * FAMO (Fast Adaptive Multitask Optimization). Liu, Feng, Stone & Liu, "FAMO: Fast Adaptive Multitask
 * Optimization", NeurIPS 2023, arXiv:2306.03792; the authors' Cranial-XIX/FAMO famo.py and
 * LibMTL/weighting/FAMO.py (the two agree; min_losses = 0 in both unless set).
 */
import { num } from '../params/spec';
import { defineMethodCard } from './card';

export const famoCard = defineMethodCard({
  id: 'famo',
  label: 'FAMO',
  group: 'loss-weighting',
  summary:
    'Learns task logits from how fast each log-loss actually fell at the previous step, and weighs the tasks so that every log-loss falls at a balanced rate, without per-task gradients. Needs positive losses.',
  citation:
    'Liu, Feng, Stone & Liu, "FAMO: Fast Adaptive Multitask Optimization", NeurIPS 2023, arXiv:2306.03792',
  scale: 'convex',
  params: {
    gamma: num({
      label: 'γ (logit decay)',
      help: 'Weight decay on the task logits, pulling the weights back towards equal. LibMTL uses 0.001; the authors’ famo.py defaults to 0.01.',
      default: 0.001,
      min: 0,
      max: 1,
    }),
    epsilon: num({
      label: 'ε (loss offset)',
      help: 'Added to each loss before its logarithm (the references subtract a minimum loss of 0 and add 1e-8), so a loss of exactly 0 stays finite.',
      default: 1e-8,
      min: 1e-12,
      max: 1,
      scale: 'log',
    }),
  },
  stateful: true,
  stochastic: false,
  properties: { variants: [{ gamma: 0.1 }], equivariant: true },
});
