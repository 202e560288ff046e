/**
 * The card of graddrop.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * GradDrop (gradient sign dropout). Chen, Ngiam, Huang, Luong, Kretzschmar, Chai & Anguelov, "Just Pick a
 * Sign: Optimizing Deep Multitask Models with Gradient Sign Dropout", NeurIPS 2020, arXiv:2010.06808
 * (Algorithm 1, lines 10-15); torchjd/aggregation/graddrop.py, whose version we follow.
 */
import { num } from '../params/spec';
import { defineMethodCard } from './card';

export const graddropCard = defineMethodCard({
  id: 'graddrop',
  label: 'GradDrop',
  group: 'gradient-surgery',
  summary:
    'In every coordinate where the task gradients disagree in sign, randomly keeps only the positive or only the negative ones, favouring the sign with more total weight. Reported weights are the fraction of coordinates in which each task was kept.',
  citation:
    'Chen, Ngiam, Huang, Luong, Kretzschmar, Chai & Anguelov, "Just Pick a Sign: Optimizing Deep Multitask Models with Gradient Sign Dropout", NeurIPS 2020, arXiv:2010.06808',
  scale: 'sum',
  params: {
    leak: num({
      label: 'Leak',
      help: 'Share of a dropped gradient entry that still passes: 0 drops it (the paper, LibMTL and torchjd default), 1 keeps everything (plain sum).',
      default: 0,
      min: 0,
      max: 1,
    }),
  },
  stateful: false,
  stochastic: true,
  properties: { variants: [{ leak: 0.5 }], equivariant: false, notWeightedSum: true },
});
