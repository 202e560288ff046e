/**
 * The card of trimmed-mean.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * Coordinate-wise trimmed mean. Yin, Chen, Kannan & Bartlett, "Byzantine-Robust Distributed Learning:
 * Towards Optimal Statistical Rates", ICML 2018, arXiv:1803.01498 (Definition 2); torchjd's
 * aggregation/trimmed_mean.py.
 */
import { int } from '../params/spec';
import { defineMethodCard } from './card';

export const trimmedMeanCard = defineMethodCard({
  id: 'trimmed-mean',
  label: 'Trimmed mean',
  group: 'robust',
  summary:
    'In every coordinate, drops the most extreme task values on both sides and averages the rest, so one huge or wrong gradient entry cannot drag the update. Reported weights are how often each task was kept.',
  citation:
    'Yin, Chen, Kannan & Bartlett, "Byzantine-Robust Distributed Learning: Towards Optimal Statistical Rates", ICML 2018, arXiv:1803.01498',
  scale: 'mean',
  params: {
    trim: int({
      label: 'Values trimmed per side',
      help: "How many of the largest and how many of the smallest values to drop in each coordinate (torchjd's trim_number; the paper trims a fraction β of the workers). Needs T > 2·trim: 1 works from 3 tasks (with 3 it is the median); 0 is the plain mean.",
      default: 1,
      min: 0,
      max: 7,
    }),
  },
  stateful: false,
  stochastic: false,
  check: (params, { numTasks: T }) =>
    T > 2 * params.trim
      ? []
      : [
          {
            path: 'trim',
            message: `the trimmed mean needs more than 2·trim tasks: with ${T} tasks trim must be between 0 and ${Math.floor((T - 1) / 2)}`,
          },
        ],
  properties: { variants: [{ trim: 0 }], equivariant: true, notWeightedSum: true },
});
