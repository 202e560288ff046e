/**
 * The card of dtp.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * Dynamic Task Prioritization. Guo, Haque, Huang, Yeung & Fei-Fei, "Dynamic Task Prioritization for
 * Multitask Learning", ECCV 2018, §3.2 (task-level prioritization).
 */
import { num } from '../params/spec';
import { defineMethodCard } from './card';

export const dtpCard = defineMethodCard({
  id: 'dtp',
  label: 'Dynamic task prioritization',
  group: 'loss-weighting',
  summary:
    'Weighs each task by a focal-loss term of its moving-average KPI (accuracy, R²), −(1 − κ)^γ log κ: tasks that are doing badly get more weight, mastered ones fade. Needs a data suite (objectives have no KPI).',
  citation:
    'Guo, Haque, Huang, Yeung & Fei-Fei, "Dynamic Task Prioritization for Multitask Learning", ECCV 2018',
  scale: 'sum',
  params: {
    gamma: num({
      label: 'Focusing γ',
      help: 'Exponent of (1 − κ): larger values shift weight harder from well-performing tasks to struggling ones; 0 gives −log κ. 2 as in focal loss.',
      default: 2,
      min: 0,
      max: 10,
    }),
    alpha: num({
      label: 'KPI smoothing α',
      help: "Weight of this batch's KPI in the moving average κ̄ ← α κ + (1 − α) κ̄: 1 uses the batch KPI alone, small values average over about 1/α batches.",
      default: 0.1,
      min: 0.001,
      max: 1,
      scale: 'log',
    }),
  },
  needsKpis: true,
  stateful: true,
  stochastic: false,
  properties: { variants: [{ gamma: 0, alpha: 1 }], equivariant: true },
});
