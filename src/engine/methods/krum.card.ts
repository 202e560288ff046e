/**
 * The card of krum.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * (Multi-)Krum. Blanchard, El Mhamdi, Guerraoui & Stainer, "Machine Learning with Adversaries: Byzantine
 * Tolerant Gradient Descent", NeurIPS 2017 (Krum §4, Multi-Krum §5); torchjd/aggregation/krum.py.
 */
import { int } from '../params/spec';
import { defineMethodCard } from './card';

export const krumCard = defineMethodCard({
  id: 'krum',
  label: 'Krum',
  group: 'robust',
  summary:
    'A Byzantine-robust rule: scores each task gradient by how close it lies to its nearest neighbours and averages the best-scored ones, so one wildly different gradient is ignored. Needs T > 2f + 2 tasks.',
  citation:
    'Blanchard, El Mhamdi, Guerraoui & Stainer, "Machine Learning with Adversaries: Byzantine Tolerant Gradient Descent", NeurIPS 2017',
  scale: 'convex',
  params: {
    byzantine: int({
      label: 'f (outliers tolerated)',
      help: 'How many task gradients may be arbitrarily wrong. Each score sums the distances to the T − f − 2 nearest others, and the paper needs T > 2f + 2. torchjd makes you choose; 0 (any T ≥ 3) here.',
      default: 0,
      min: 0,
      max: 7,
    }),
    selected: int({
      label: 'm (gradients averaged)',
      help: 'How many of the best-scored gradients to average: 1 is Krum (the paper and torchjd default), more is Multi-Krum; m = T with f = 0 is the mean.',
      default: 1,
      min: 1,
      max: 16,
    }),
  },
  stateful: false,
  stochastic: false,
  check: (params, { numTasks: T }) => [
    ...(T > 2 * params.byzantine + 2
      ? []
      : [
          {
            path: 'byzantine',
            message:
              T < 3
                ? `Krum needs T > 2f + 2, so at least 3 tasks; there are ${T}`
                : `Krum needs T > 2f + 2: with ${T} tasks f must be between 0 and ${Math.ceil(T / 2) - 2}`,
          },
        ]),
    ...(params.selected <= T
      ? []
      : [{ path: 'selected', message: `m must be between 1 and the number of tasks (${T})` }]),
  ],
  properties: {
    variants: [{ selected: 2 }],
    // Not equivariant: at T = 3 with f = 0 the two closest gradients always tie, and ties take the lower index.
    equivariant: false,
  },
});
