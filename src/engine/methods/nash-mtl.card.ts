/**
 * The card of nash-mtl.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * Nash-MTL. Navon, Shamsian, Achituve, Maron, Kawaguchi, Chechik & Fetaya, "Multi-Task Learning as a
 * Bargaining Game", ICML 2022, arXiv:2202.01017; AvivNavon/nash-mtl methods/weight_methods.py (also
 * LibMTL/weighting/Nash_MTL.py and torchjd aggregation/_nash_mtl.py, same code).
 */
import { int, num } from '../params/spec';
import { defineMethodCard } from './card';

export const nashMtlCard = defineMethodCard({
  id: 'nash-mtl',
  label: 'Nash-MTL',
  group: 'multi-objective',
  summary:
    'Treats the tasks as players bargaining over the update: picks weights with g_t·d = 1/α_t for every task (the Nash bargaining solution), so every task improves and none dominates because of its gradient scale.',
  citation:
    'Navon, Shamsian, Achituve, Maron, Kawaguchi, Chechik & Fetaya, "Multi-Task Learning as a Bargaining Game", ICML 2022, arXiv:2202.01017',
  scale: 'sum',
  params: {
    maxNorm: num({
      label: 'Max update norm',
      help: 'Clip the update to this norm (0: no clipping). The authors and LibMTL use 1; the unclipped update has norm √T.',
      default: 1,
      min: 0,
      max: 1000,
    }),
    updateWeightsEvery: int({
      label: 'Update weights every',
      help: 'Solve for new weights every this many steps and reuse the last ones in between (cheaper). The paper uses 1, and larger values (e.g. 25 on QM9) to save time.',
      default: 1,
      min: 1,
      max: 100_000,
    }),
    optimNiter: int({
      label: 'Solver iterations',
      help: 'Newton steps at most per solve of Gᵀ G α = 1/α (the authors allow 20 CVXPY iterations). Newton converges in about 5 to 11.',
      default: 20,
      min: 1,
      max: 1000,
    }),
  },
  stateful: true,
  stochastic: false,
  properties: {
    variants: [{ updateWeightsEvery: 3 }, { maxNorm: 0, optimNiter: 5 }],
    equivariant: true,
    nonConflicting: (p) => p.updateWeightsEvery === 1, // stale weights can conflict with new gradients
    lossScaleInvariant: true, // α_t → α_t/c solves the scaled system: the bargaining solution's invariance
  },
});
