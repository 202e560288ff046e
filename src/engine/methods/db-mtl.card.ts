/**
 * The card of db-mtl.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * DB-MTL (Dual-Balancing Multi-Task Learning). Lin, Jiang, Ye, Zhang, Chen, Chen, Liu & Kwok,
 * "Dual-Balancing for Multi-Task Learning", arXiv:2308.12029 (2023); LibMTL/weighting/DB_MTL.py.
 */
import { num } from '../params/spec';
import { defineMethodCard } from './card';

export const dbMtlCard = defineMethodCard({
  id: 'db-mtl',
  label: 'DB-MTL',
  group: 'loss-weighting',
  summary:
    'Balances twice: trains on the logarithm of each loss (so loss units do not matter) and scales every task’s log-loss gradient up to the largest moving-average gradient norm. Needs positive losses.',
  citation:
    'Lin, Jiang, Ye, Zhang, Chen, Chen, Liu & Kwok, "Dual-Balancing for Multi-Task Learning", arXiv:2308.12029, 2023',
  scale: 'sum',
  params: {
    beta: num({
      label: 'β (average)',
      help: 'Weight of the past in the moving average of the log-loss gradients whose norms set the scales; 0 uses this step’s norms only. LibMTL’s default is 0.9.',
      default: 0.9,
      min: 0,
      max: 0.999,
    }),
    betaSigma: num({
      label: 'σ (β decay)',
      help: 'The average at step k uses β / k^σ, so a positive σ forgets the past faster as training goes on. LibMTL’s default is 0 (a constant β).',
      default: 0,
      min: 0,
      max: 2,
    }),
  },
  stateful: true,
  stochastic: false,
  properties: {
    variants: [{ beta: 0 }, { betaSigma: 0.5 }],
    equivariant: true,
    lossScaleInvariant: true, // log-loss gradients g_t/(L_t + ε), up to ε = 1e-8
    notWeightedSum: true,
  },
});
