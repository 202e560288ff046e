/**
 * The card of dualproj.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * DualProj. Quinton & Rey, "Jacobian Descent for Multi-Objective Optimization", arXiv:2406.16232 (2024),
 * torchjd aggregation/_dualproj.py; the projection of GEM (Lopez-Paz & Ranzato, NeurIPS 2017, eq. 11).
 */
import { defineMethodCard } from './card';
import { checkDualCone, dualConeParams } from './upgrad.card';

export const dualprojCard = defineMethodCard({
  id: 'dualproj',
  label: 'DualProj',
  group: 'multi-objective',
  summary:
    'Takes the mean gradient and projects it onto the cone of directions that conflict with no task: the closest update to the mean that does not increase any task loss to first order.',
  citation: 'Quinton & Rey, "Jacobian Descent for Multi-Objective Optimization", 2024, arXiv:2406.16232',
  scale: 'mean',
  params: dualConeParams,
  stateful: false,
  stochastic: false,
  check: checkDualCone,
  properties: { variants: [{ regEps: 0 }], equivariant: true, nonConflicting: (p) => p.regEps === 0 },
});
