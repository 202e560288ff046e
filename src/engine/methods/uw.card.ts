/**
 * The card of uw.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * Uncertainty weighting. Kendall, Gal & Cipolla, "Multi-Task Learning Using Uncertainty to Weigh Losses
 * for Scene Geometry and Semantics", CVPR 2018, arXiv:1705.07115.
 */
import { defineMethodCard } from './card';

export const uwCard = defineMethodCard({
  id: 'uw',
  label: 'Uncertainty weighting',
  group: 'loss-weighting',
  summary:
    'Learns one log-variance per task and weighs each loss by 1/(2σ²), plus a log σ penalty: noisier tasks get smaller weights.',
  citation:
    'Kendall, Gal & Cipolla, "Multi-Task Learning Using Uncertainty to Weigh Losses for Scene Geometry and Semantics", CVPR 2018, arXiv:1705.07115',
  scale: 'sum',
  params: {},
  stateful: true,
  stochastic: false,
  properties: { variants: [], equivariant: true },
});
