/**
 * Isolation at the gradient and parameter level (beside the architecture's sharing and the method's
 * combination): clipping, per-task gradient masks over the shared layers, soft-sharing regularizers on the
 * task-specific parameters, and the lookahead affinity monitor. One spec drives validation, the CLI, the
 * URL and the app's form, as for every other part of the config.
 */
import {
  checkPerTaskLength,
  int,
  num,
  numList,
  pointList,
  type ConfigIssue,
  type ParamValues,
} from '../params/spec';

/** The soft-sharing penalties on task-specific parameters (train/regularizers.ts has the maths and papers). */
export const REGULARIZER_SETTINGS = {
  l2: num({
    label: 'L2 on task parameters',
    help: 'λ Σ_t |θ_t|² over every task-specific tensor (heads, per-task layers, gates): weight decay on what each task owns, leaving the shared parameters alone. 0 turns it off.',
    default: 0,
    min: 0,
    max: 10,
    scale: 'log',
  }),
  orthogonality: num({
    label: 'Orthogonality of task kernels',
    help: "λ Σ_{i<j} |W_iᵀ W_j|² over each task-specific kernel (the difference loss of Domain Separation Networks, Bousmalis et al. 2016): pushes the tasks' features apart so each learns what the others do not. 0 turns it off.",
    default: 0,
    min: 0,
    max: 10,
    scale: 'log',
  }),
  traceNorm: num({
    label: 'Trace norm across tasks',
    help: 'λ |[vec W_1; …; vec W_T]|_* for each task-specific kernel (Yang & Hospedales 2017): favours task weights that share a few directions, a soft version of sharing the layer. 0 turns it off.',
    default: 0,
    min: 0,
    max: 10,
    scale: 'log',
  }),
};

export type RegularizerValues = ParamValues<typeof REGULARIZER_SETTINGS>;

export const ISOLATION_SETTINGS = {
  clipNorm: num({
    label: 'Clip update norm',
    help: "Global clipping (Pascanu et al., ICML 2013): the shared update's norm is scaled down to at most this value. 0 turns it off.",
    default: 0,
    min: 0,
    max: 1e6,
  }),
  clipPerTask: numList({
    label: 'Clip task gradient norms',
    help: "Per-task clipping: task t's gradient of the shared parameters is scaled down to at most the t-th value before the method combines them, so no single task can dominate by magnitude. 0 leaves a task unclipped; an empty list turns it off.",
    default: [],
    min: 0,
    max: 1e6,
    minLength: 0,
    maxLength: 8,
  }),
  gradientMask: pointList({
    label: 'Gradient mask (task, layer)',
    help: "Pairs [task, shared layer] (0-based, layers as in the cosine heatmap): that task's gradient may not update that shared layer. Isolation without changing the architecture; the task still reads the layer in its forward pass.",
    default: [],
    min: 0,
    max: 64,
    minLength: 0,
    maxLength: 64,
  }),
  ...REGULARIZER_SETTINGS,
  affinityEvery: int({
    label: 'Affinity every (steps)',
    help: "Measure the lookahead inter-task affinity of Fifty et al. (NeurIPS 2021) every this many steps: how much a step on task j alone lowers task i's loss. 0 turns it off (it costs T extra forward passes).",
    default: 0,
    min: 0,
    max: 100_000,
  }),
};

export type IsolationValues = ParamValues<typeof ISOLATION_SETTINGS>;

/** Checks that depend on the number of tasks; layer indices are checked when the model is built. */
export function checkIsolation(values: IsolationValues, numTasks: number): ConfigIssue[] {
  const issues = checkPerTaskLength(values.clipPerTask, 'clipPerTask', numTasks, true);
  values.gradientMask.forEach(([task, layer], i) => {
    if (!Number.isInteger(task) || task >= numTasks || !Number.isInteger(layer))
      issues.push({
        path: `gradientMask[${i}]`,
        message: `expected [task, layer] with an integer task in 0..${numTasks - 1} and an integer layer, got [${task}, ${layer}]`,
        accepted: `[task, layer] with a whole-number task from 0 to ${numTasks - 1} and a whole-number layer`,
      });
  });
  return issues;
}
