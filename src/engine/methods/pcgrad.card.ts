/**
 * The card of pcgrad.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * PCGrad (projecting conflicting gradients). Yu, Kumar, Gupta, Levine, Hausman & Finn, "Gradient Surgery
 * for Multi-Task Learning", NeurIPS 2020, arXiv:2001.06782 (Algorithm 1); LibMTL/weighting/PCGrad.py; the
 * two-task form in Cranial-XIX/CAGrad toy.py.
 */
import { defineMethodCard } from './card';

export const pcgradCard = defineMethodCard({
  id: 'pcgrad',
  label: 'PCGrad',
  group: 'gradient-surgery',
  summary:
    "Where two task gradients conflict (negative dot product), projects each onto the other's normal plane before summing.",
  citation:
    'Yu, Kumar, Gupta, Levine, Hausman & Finn, "Gradient Surgery for Multi-Task Learning", NeurIPS 2020, arXiv:2001.06782',
  scale: 'sum',
  params: {},
  stateful: false,
  stochastic: true,
  properties: { variants: [], equivariant: false, nonConflicting2: true },
});
