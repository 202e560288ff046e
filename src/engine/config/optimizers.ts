/**
 * The optimizer catalogue: each optimizer's id, label, citation and parameter spec, page-safe (no tfjs).
 * The implementations live in optim/registry.ts, one per card in the same order (optim/registry.test.ts).
 */
import { num, type ParamSpecs } from '../params/spec';

export interface OptimizerCard<S extends ParamSpecs = ParamSpecs> {
  id: string;
  label: string;
  citation: string;
  params: S;
}

/** Keeps the card's parameter spec type, so its implementation receives typed values. */
export const defineOptimizerCard = <S extends ParamSpecs>(card: OptimizerCard<S>): OptimizerCard<S> => card;

export const adamCard = defineOptimizerCard({
  id: 'adam',
  label: 'Adam',
  citation: 'Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, arXiv:1412.6980',
  params: {
    beta1: num({
      label: 'β1',
      help: 'Decay of the running mean of gradients (PyTorch default 0.9).',
      default: 0.9,
      min: 0,
      max: 0.9999,
    }),
    beta2: num({
      label: 'β2',
      help: 'Decay of the running mean of squared gradients (PyTorch default 0.999).',
      default: 0.999,
      min: 0,
      max: 0.999999,
    }),
    eps: num({
      label: 'ε',
      help: "Added to the denominator for stability; 1e-8 as PyTorch (tfjs's own Adam uses 1e-7), so runs match the papers' code.",
      default: 1e-8,
      min: 0,
      max: 1,
      scale: 'log',
    }),
  },
});

export const sgdCard = defineOptimizerCard({
  id: 'sgd',
  label: 'SGD',
  citation: 'Robbins & Monro 1951; heavy-ball momentum as in PyTorch (buffer = μ·buffer + g)',
  params: {
    momentum: num({
      label: 'Momentum',
      help: 'Heavy-ball momentum μ; 0 is plain SGD.',
      default: 0,
      min: 0,
      max: 0.999,
    }),
  },
});

export const OPTIMIZER_CARDS: readonly OptimizerCard[] = [adamCard, sgdCard];

export const findOptimizerCard = (id: string): OptimizerCard | undefined =>
  OPTIMIZER_CARDS.find((card) => card.id === id);
