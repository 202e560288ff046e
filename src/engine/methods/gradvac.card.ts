/**
 * The card of gradvac.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * GradVac (Gradient Vaccine). Wang, Tsvetkov, Firat & Cao, "Gradient Vaccine: Investigating and Improving
 * Multi-task Optimization in Massively Multilingual Models", ICLR 2021, arXiv:2010.05874 (Algorithm 1);
 * LibMTL/weighting/GradVac.py and torchjd's GradVacWeighting.
 */
import { num } from '../params/spec';
import { defineMethodCard } from './card';

export const gradvacCard = defineMethodCard({
  id: 'gradvac',
  label: 'GradVac',
  group: 'gradient-surgery',
  summary:
    'Like PCGrad, but instead of only removing conflicts it nudges each pair of task gradients towards the similarity (cosine) they usually have, tracked by a moving average.',
  citation:
    'Wang, Tsvetkov, Firat & Cao, "Gradient Vaccine: Investigating and Improving Multi-task Optimization in Massively Multilingual Models", ICLR 2021, arXiv:2010.05874',
  scale: 'sum',
  params: {
    beta: num({
      label: 'β (target EMA rate)',
      help: 'How fast the target cosine of each task pair follows the observed one: φ̂ ← (1−β) φ̂ + β φ. 0 keeps the targets at 0 (PCGrad). 0.5 as LibMTL and torchjd; the paper used 0.01.',
      default: 0.5,
      min: 0,
      max: 1,
    }),
  },
  stateful: true,
  stochastic: true,
  properties: { variants: [{ beta: 0 }, { beta: 1 }], equivariant: false },
});
