/**
 * The card of imtl.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * IMTL (Impartial Multi-Task Learning). Liu, Li, Kuang, Xue, Chen, Yang, Liao & Zhang, "Towards Impartial
 * Multi-task Learning", ICLR 2021 (openreview.net/forum?id=IMPnRXEWpvr); as LibMTL/weighting/IMTL.py.
 */
import { choice } from '../params/spec';
import { defineMethodCard } from './card';

export const imtlCard = defineMethodCard({
  id: 'imtl',
  label: 'IMTL',
  group: 'loss-weighting',
  summary:
    'Impartial MTL: learns a scale per loss so every scaled loss stays near 1 (IMTL-L), and combines the gradients so the update has the same projection onto each task’s gradient direction (IMTL-G).',
  citation:
    'Liu, Li, Kuang, Xue, Chen, Yang, Liao & Zhang, "Towards Impartial Multi-task Learning", ICLR 2021',
  scale: 'convex',
  params: {
    mode: choice({
      label: 'Mode',
      help: "'hybrid' (the paper's IMTL and LibMTL's): learnable loss scales plus the gradient balance; 'loss': IMTL-L alone (learnable scales e^s·L − s); 'gradient': IMTL-G alone (equal projections onto the unit task gradients).",
      default: 'hybrid',
      options: ['hybrid', 'loss', 'gradient'],
    }),
  },
  stateful: true,
  stochastic: false,
  properties: { variants: [{ mode: 'loss' }, { mode: 'gradient' }], equivariant: true },
});
