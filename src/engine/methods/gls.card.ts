/**
 * The card of gls.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * Geometric Loss Strategy. Chennupati, Sistu, Yogamani & Rawashdeh, "MultiNet++: Multi-Stream Feature
 * Aggregation and Geometric Loss Strategy for Multi-Task Learning", CVPR Workshops 2019, arXiv:1904.08492;
 * LibMTL/weighting/GLS.py.
 */
import { defineMethodCard } from './card';

export const glsCard = defineMethodCard({
  id: 'gls',
  label: 'Geometric loss strategy',
  group: 'loss-weighting',
  summary:
    'Minimises the geometric mean of the task losses, which weighs each task by (geometric mean)/(T·its loss): tasks with small losses are not drowned out by large ones. Needs positive losses: a loss ≤ 0 stops the run with an error naming this method.',
  citation:
    'Chennupati, Sistu, Yogamani & Rawashdeh, "MultiNet++: Multi-Stream Feature Aggregation and Geometric Loss Strategy for Multi-Task Learning", CVPR Workshops 2019, arXiv:1904.08492',
  scale: 'mean',
  params: {},
  stateful: false,
  stochastic: false,
  properties: { variants: [], equivariant: true },
});
