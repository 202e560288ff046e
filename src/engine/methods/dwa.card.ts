/**
 * The card of dwa.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * Dynamic Weight Average. Liu, Johns & Davison, "End-to-End Multi-Task Learning with Attention",
 * CVPR 2019, arXiv:1803.10704 (MTAN), §3.3; LibMTL/weighting/DWA.py.
 */
import { int, num } from '../params/spec';
import { defineMethodCard } from './card';

export const dwaCard = defineMethodCard({
  id: 'dwa',
  label: 'Dynamic weight average',
  group: 'loss-weighting',
  summary:
    'Weighs each task by how slowly its loss fell over the last two periods (a softmax of loss ratios): lagging tasks get more weight. Assumes positive losses (ratios of negative losses mean nothing).',
  citation:
    'Liu, Johns & Davison, "End-to-End Multi-Task Learning with Attention", CVPR 2019, arXiv:1803.10704',
  scale: 'sum',
  params: {
    temperature: num({
      label: 'Temperature',
      help: 'Softmax temperature of the loss ratios: larger values flatten the weights towards 1. The paper and LibMTL use 2.',
      default: 2,
      min: 0.01,
      max: 100,
      scale: 'log',
    }),
    period: int({
      label: 'Period (steps)',
      help: 'Steps that play the role of an epoch: the loss ratio compares the mean loss of the last two periods. Weights stay 1 for the first two periods.',
      default: 50,
      min: 1,
      max: 100_000,
    }),
  },
  stateful: true,
  stochastic: false,
  properties: { variants: [{ period: 2 }], equivariant: true },
});
