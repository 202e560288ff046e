/**
 * The training settings of an experiment as parameter specs (so the UI form, the CLI, the URL codec and
 * validation all read the same ranges), and their values' type, derived from the specs. Every default
 * carries its one-line why. The optimizers are a registry of their own (optimizers.ts).
 */
import { choice, int, num, type ParamValues } from '../params/spec';

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
    help: "How every task's gradient of the shared parameters is obtained: 'fused' runs the network once and differentiates it by hand, all tasks in one batched backward pass (dense-layer chains: layer sharing); 'stacked' copies the shared parameters once per task and gets all gradients in one autodiff pass; 'loop' runs one backward pass per task; 'auto' picks fused where it applies, else per backend and architecture.",
    default: 'auto',
    options: ['auto', 'fused', 'stacked', 'loop'],
  }),
} as const;

export type TrainingSettings = ParamValues<typeof TRAINING_SETTINGS>;
