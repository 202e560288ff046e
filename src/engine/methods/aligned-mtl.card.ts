/**
 * The card of aligned-mtl.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * Aligned-MTL. Senushkin, Patakin, Kuznetsov & Konushin, "Independent Component Alignment for Multi-Task
 * Learning", CVPR 2023, arXiv:2305.19000, Algorithm 1; official code SamsungLabs/MTL
 * code/optim/aligned/solver.py (ProcrustesSolver), LibMTL/weighting/Aligned_MTL.py, torchjd _aligned_mtl.py.
 */
import { choice } from '../params/spec';
import { defineMethodCard } from './card';

export const alignedMtlCard = defineMethodCard({
  id: 'aligned-mtl',
  label: 'Aligned-MTL',
  group: 'gradient-surgery',
  summary:
    'Aligns the task gradients into orthogonal directions of equal length (the closest such set) and sums them: no task dominates by magnitude and conflicting components are balanced.',
  citation:
    'Senushkin, Patakin, Kuznetsov & Konushin, "Independent Component Alignment for Multi-Task Learning", CVPR 2023, arXiv:2305.19000',
  scale: 'sum',
  params: {
    scaleMode: choice({
      label: 'Scale mode',
      help: "Common length of the aligned gradients: the smallest singular value ('min', the paper's and LibMTL's choice), the median, or the root mean square ('rmse') of the singular values of the gradient matrix.",
      default: 'min',
      options: ['min', 'median', 'rmse'],
    }),
  },
  stateful: false,
  stochastic: false,
  properties: { variants: [{ scaleMode: 'median' }, { scaleMode: 'rmse' }], equivariant: true },
});
