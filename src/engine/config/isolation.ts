/**
 * Isolation at the gradient and parameter level (beside the architecture's sharing and the method's
 * combination): clipping, per-task gradient masks over the shared layers, soft-sharing regularizers on the
 * task-specific parameters, and the lookahead affinity monitor. One spec drives validation, the CLI, the
 * URL and the app's form, as for every other part of the config.
 */
import { regularizerSpecs } from '../train/regularizers';
import {
  checkPerTaskLength,
  int,
  num,
  numList,
  pointList,
  type AnyParams,
  type ConfigIssue,
} from '../params/spec';

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
  ...regularizerSpecs,
  affinityEvery: int({
    label: 'Affinity every (steps)',
    help: "Measure the lookahead inter-task affinity of Fifty et al. (NeurIPS 2021) every this many steps: how much a step on task j alone lowers task i's loss. 0 turns it off (it costs T extra forward passes).",
    default: 0,
    min: 0,
    max: 100_000,
  }),
};

/** Checks that depend on the number of tasks; layer indices are checked when the model is built. */
export function checkIsolation(values: AnyParams, numTasks: number): ConfigIssue[] {
  const issues = checkPerTaskLength(values.clipPerTask as number[], 'clipPerTask', numTasks, true);
  (values.gradientMask as [number, number][]).forEach(([task, layer], i) => {
    if (!Number.isInteger(task) || task >= numTasks || !Number.isInteger(layer))
      issues.push({
        path: `gradientMask[${i}]`,
        message: `expected [task, layer] with an integer task in 0..${numTasks - 1} and an integer layer, got [${task}, ${layer}]`,
      });
  });
  return issues;
}
