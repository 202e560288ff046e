/**
 * Every task's gradient of the shared parameters, two ways (docs/architecture.md, measured facts):
 * - stacked: tile θ to [R, T, P] outside the gradient function, let task t read copy t, and differentiate
 *   the SUM of the task losses once: the gradient with respect to the tiled θ is G [R, T, P] directly.
 * - loop: one backward pass per task with the untiled θ; T passes but no T-fold forward.
 * Both also return the gradients of the task-specific tensors (task t's slice from L_t alone) and, when a
 * probe is given, each task's gradient with respect to the shared representation.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Batch } from './batches';
import type { ExperimentConfig } from '../config/types';
import type { Model } from './model';

export interface TaskGradients {
  /** [R, T] this batch's task losses. */
  losses: tf.Tensor2D;
  /** [R, T, P] row t = ∇θ L_t. */
  shared: tf.Tensor3D;
  /** Per task-specific tensor [T, ...]: slice t = ∇ L_t with respect to task t's own parameters. */
  taskParams: tf.Tensor[];
  /** [R, T, B·Z] gradients with respect to the shared representation, when a probe was given. */
  representation?: tf.Tensor3D;
}

export type GradientStrategy = 'stacked' | 'loop';

/** The config's choice, or for `auto` the cheaper strategy on the current backend for this architecture. */
export function chooseStrategy(
  config: ExperimentConfig,
  stackedCost: 'linear' | 'quadratic',
): GradientStrategy {
  if (config.gradients !== 'auto') return config.gradients;
  // Stacked copies θ T times: on GPUs dispatch count dominates, so one pass wins; on CPU/WASM an
  // architecture whose every copy computes every column (T² work) is cheaper as a per-task loop.
  const cpuLike = ['cpu', 'wasm'].includes(tf.getBackend());
  return stackedCost === 'quadratic' && cpuLike ? 'loop' : 'stacked';
}

export function computeTaskGradients(
  strategy: GradientStrategy,
  model: Model,
  theta: tf.Tensor2D,
  taskVars: readonly tf.Tensor[],
  batch: Batch | null,
  probe?: tf.Tensor3D,
): TaskGradients {
  if (model.numShared === 0) return nothingShared(model, theta, taskVars, batch);
  return strategy === 'stacked'
    ? stacked(model, theta, taskVars, batch, probe)
    : loop(model, theta, taskVars, batch, probe);
}

/**
 * Independent nets (every layer per task): θ is empty and tf.grads refuses a gradient for an input the loss
 * does not use. The task parameters get theirs; G is [R, T, 0], so every method sees no shared conflict.
 */
function nothingShared(
  model: Model,
  theta: tf.Tensor2D,
  taskVars: readonly tf.Tensor[],
  batch: Batch | null,
): TaskGradients {
  let losses: tf.Tensor2D | undefined;
  const result = tf.tidy(() => {
    const single = theta.expandDims<tf.Tensor3D>(1);
    const f = (...params: tf.Tensor[]): tf.Scalar => {
      const l = model.losses(single, params, batch);
      losses = tf.keep(l);
      return tf.sum(l);
    };
    return {
      shared: tf.zeros<tf.Rank.R3>([model.replicas, model.tasks.length, 0]),
      taskParams: taskVars.length ? tf.grads(f)([...taskVars]) : [],
    };
  });
  if (!losses) throw new Error('the loss function was not evaluated');
  return { losses, ...result };
}

/** Split grads of [θ, ...taskVars, probe?] back into their roles. */
function unpack(grads: tf.Tensor[], numTaskVars: number, hasProbe: boolean) {
  const [shared, ...rest] = grads;
  return {
    shared: shared as tf.Tensor,
    taskParams: rest.slice(0, numTaskVars),
    probe: hasProbe ? rest[numTaskVars] : undefined,
  };
}

const flattenProbe = (g: tf.Tensor): tf.Tensor3D => g.reshape<tf.Tensor3D>([1, g.shape[0] ?? 0, -1]);

function stacked(
  model: Model,
  theta: tf.Tensor2D,
  taskVars: readonly tf.Tensor[],
  batch: Batch | null,
  probe?: tf.Tensor3D,
) {
  const numTasks = model.tasks.length;
  let losses: tf.Tensor2D | undefined;
  const result = tf.tidy(() => {
    const tiled = tf.tile<tf.Tensor3D>(theta.expandDims(1), [1, numTasks, 1]);
    const inputs = [tiled, ...taskVars, ...(probe ? [probe] : [])];
    const f = (...args: tf.Tensor[]): tf.Scalar => {
      const { shared, taskParams, probe: p } = unpack(args, taskVars.length, probe !== undefined);
      const l = model.losses(shared as tf.Tensor3D, taskParams, batch, p as tf.Tensor3D | undefined);
      losses = tf.keep(l);
      return tf.sum(l);
    };
    const g = unpack(tf.grads(f)(inputs), taskVars.length, probe !== undefined);
    return {
      shared: g.shared as tf.Tensor3D,
      taskParams: g.taskParams,
      ...(g.probe ? { representation: flattenProbe(g.probe) } : {}),
    };
  });
  if (!losses) throw new Error('the loss function was not evaluated');
  return { losses, ...result };
}

function loop(
  model: Model,
  theta: tf.Tensor2D,
  taskVars: readonly tf.Tensor[],
  batch: Batch | null,
  probe?: tf.Tensor3D,
) {
  const numTasks = model.tasks.length;
  let losses: tf.Tensor2D | undefined;
  const result = tf.tidy(() => {
    const single = theta.expandDims<tf.Tensor3D>(1);
    const inputs = [single, ...taskVars, ...(probe ? [probe] : [])];
    const perTask = Array.from({ length: numTasks }, (_, t) => {
      const f = (...args: tf.Tensor[]): tf.Scalar => {
        const { shared, taskParams, probe: p } = unpack(args, taskVars.length, probe !== undefined);
        const l = model.losses(shared as tf.Tensor3D, taskParams, batch, p as tf.Tensor3D | undefined);
        if (t === 0) losses = tf.keep(l);
        return tf.sum(l.slice([0, t], [-1, 1]));
      };
      return unpack(tf.grads(f)(inputs), taskVars.length, probe !== undefined);
    });
    const sum = (parts: tf.Tensor[]) => parts.reduce((a, b) => tf.add(a, b));
    const probeGrads = perTask.map((g) => g.probe).filter((g): g is tf.Tensor => g !== undefined);
    return {
      shared: tf.concat(
        perTask.map((g) => g.shared),
        1,
      ) as tf.Tensor3D,
      taskParams: taskVars.map((_, i) => sum(perTask.map((g) => g.taskParams[i] as tf.Tensor))),
      ...(probeGrads.length ? { representation: flattenProbe(sum(probeGrads)) } : {}),
    };
  });
  if (!losses) throw new Error('the loss function was not evaluated');
  return { losses, ...result };
}
