/**
 * The card of moco.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * MoCo (multi-objective gradient correction). Fernando, Shen, Liu, Chaudhury, Murugesan & Chen,
 * "Mitigating Gradient Bias in Multi-objective Learning: A Provably Convergent Approach", ICLR 2023
 * (Algorithm 1); LibMTL/weighting/MoCo.py ("based on the authors' shared code") and the authors'
 * heshandevaka/Trade-Off-MOL.
 */
import { choice, num } from '../params/spec';
import { defineMethodCard } from './card';

export const mocoCard = defineMethodCard({
  id: 'moco',
  label: 'MoCo',
  group: 'multi-objective',
  summary:
    'MGDA-like weights for noisy mini-batch gradients: it follows a moving average of each task gradient and moves the weights one small step per training step, which removes the bias of solving on noisy gradients.',
  citation:
    'Fernando, Shen, Liu, Chaudhury, Murugesan & Chen, "Mitigating Gradient Bias in Multi-objective Learning: A Provably Convergent Approach", ICLR 2023',
  scale: 'convex',
  params: {
    beta: num({
      label: 'β (tracking rate)',
      help: 'How fast the tracked gradients follow the new ones: Y ← Y − β_k (Y − g), β_k = β / k^σβ. 1 with σβ = 0 tracks nothing. LibMTL: 0.5.',
      default: 0.5,
      min: 0,
      max: 1,
    }),
    betaDecay: num({
      label: 'σβ (tracking-rate decay)',
      help: 'Exponent of the decay of β over the steps, β_k = β / k^σβ. LibMTL: 0.5; 0 keeps β constant (the authors’ code).',
      default: 0.5,
      min: 0,
      max: 2,
    }),
    gamma: num({
      label: 'γ (weight step size)',
      help: 'Step size of the task weights on the simplex, γ_k = γ / k^σγ. LibMTL and the authors: 0.1.',
      default: 0.1,
      min: 0,
      max: 100,
    }),
    gammaDecay: num({
      label: 'σγ (step-size decay)',
      help: 'Exponent of the decay of γ over the steps. LibMTL: 0.5; 0 keeps γ constant.',
      default: 0.5,
      min: 0,
      max: 2,
    }),
    rho: num({
      label: 'ρ (weight regularisation)',
      help: 'ℓ2 regularisation of the weights in their update: pulls them towards equal weights. LibMTL: 0; the authors’ code: 0.1.',
      default: 0,
      min: 0,
      max: 10,
    }),
    normalization: choice({
      label: 'Gradient normalisation',
      help: "'loss': each task gradient is rescaled to the length |L_t| before tracking (LibMTL). 'none': raw gradients (the paper and the authors' default).",
      default: 'loss',
      options: ['loss', 'none'],
    }),
  },
  stateful: true,
  stochastic: false,
  properties: { variants: [{ normalization: 'none', rho: 0.1 }], equivariant: true, notWeightedSum: true },
});
