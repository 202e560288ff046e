/**
 * The training settings of an experiment and the optimizers, as parameter specs (so the UI form, the CLI,
 * the URL codec and validation all read the same ranges). Every default carries its one-line why.
 */
import { choice, int, num } from '../params/spec';

export const TRAINING_SETTINGS = {
  learningRate: num({
    label: 'Learning rate',
    help: 'Step size of the optimizer. 0.01 suits Adam on the small networks here; the CAGrad toy uses 1e-3 as in its paper.',
    default: 0.01,
    min: 1e-6,
    max: 10,
    scale: 'log',
  }),
  batchSize: int({
    label: 'Batch size',
    help: 'Samples per task per step. 64 keeps steps cheap while the gradient noise stays moderate; the last partial batch of an epoch is dropped so shapes stay fixed on the GPU.',
    default: 64,
    min: 1,
    max: 8192,
  }),
  steps: int({
    label: 'Steps',
    help: 'Optimizer steps to train (the CLI stops there; the app keeps going until paused). 2,000 steps fit every default suite.',
    default: 2000,
    min: 1,
    max: 10_000_000,
  }),
  reportEvery: int({
    label: 'Report every',
    help: 'Steps between two reports (losses on the test split, gradient cosines, weights). 50 gives smooth curves without slowing training.',
    default: 50,
    min: 1,
    max: 1_000_000,
  }),
  seed: int({
    label: 'Seed',
    help: 'Seeds the data, the initial weights, the batch order and stochastic methods: the same config on the same backend gives the same numbers.',
    default: 1,
    min: 0,
    max: 2 ** 31 - 1,
  }),
  gradients: choice({
    label: 'Per-task gradients',
    help: "How every task's gradient of the shared parameters is obtained: 'stacked' copies the shared parameters once per task and gets all gradients in one backward pass (fewest GPU dispatches); 'loop' runs one backward pass per task; 'auto' picks per backend and architecture.",
    default: 'auto',
    options: ['auto', 'stacked', 'loop'],
  }),
} as const;

export const OPTIMIZERS = {
  adam: {
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
  },
  sgd: {
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
  },
} as const;

export type OptimizerId = keyof typeof OPTIMIZERS;
export const OPTIMIZER_IDS = Object.keys(OPTIMIZERS) as OptimizerId[];
