/**
 * The card of mgda.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * MGDA. Sener & Koltun, "Multi-Task Learning as Multi-Objective Optimization", NeurIPS 2018,
 * arXiv:1810.04650; LibMTL/weighting/MGDA.py and isl-org/MultiObjectiveOptimization.
 */
import { choice } from '../params/spec';
import { defineMethodCard } from './card';

export const mgdaCard = defineMethodCard({
  id: 'mgda',
  label: 'MGDA',
  group: 'multi-objective',
  summary:
    'Takes the shortest vector in the convex hull of the task gradients: a direction that decreases every task at once (a Pareto-stationary point stops it).',
  citation:
    'Sener & Koltun, "Multi-Task Learning as Multi-Objective Optimization", NeurIPS 2018, arXiv:1810.04650',
  scale: 'convex',
  params: {
    normalization: choice({
      label: 'Gradient normalisation',
      help: "Divide each task gradient before the solve: 'none' (LibMTL's default), 'l2' by its norm, 'loss' by its loss, 'loss+' by both. Normalising stops one large gradient from dominating.",
      default: 'none',
      options: ['none', 'l2', 'loss', 'loss+'],
    }),
    variant: choice({
      label: 'Gradients solved on',
      help: "'params': the gradients of all shared parameters. 'ub': MGDA-UB, the cheaper upper bound that solves on the gradients of the shared representation (needs an architecture that has one).",
      default: 'params',
      options: ['params', 'ub'],
    }),
  },
  needsRepGrads: (params) => params.variant === 'ub',
  stateful: false,
  stochastic: false,
  properties: {
    variants: [{ normalization: 'l2' }, { normalization: 'loss+' }, { variant: 'ub' }],
    equivariant: true,
    // MGDA-UB solves on the representation gradients: its direction is not the min-norm point of G's hull.
    minNorm: (p) => p.variant !== 'ub',
  },
});
