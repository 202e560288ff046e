/**
 * Every task's gradient of the shared parameters, three ways (docs/architecture.md, measured facts):
 * - fused: for dense-chain networks, one forward and one hand-written batched backward
 *   (dense-chain-gradients.ts); the default wherever it applies.
 * - stacked: tile θ to [R, T, P] outside the gradient function, let task t read copy t, and differentiate
 *   the SUM of the task losses once: the gradient with respect to the tiled θ is G [R, T, P] directly.
 * - loop: one backward pass per task with the untiled θ; T passes but no T-fold forward.
 * Both also return the gradients of the task-specific tensors (task t's slice from L_t alone) and, when a
 * probe is given, each task's gradient with respect to the shared representation.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Batch } from './batches';
import { ConfigError, type ExperimentConfig } from '../config/types';
import type { Model, TaskGradients } from './model';

export type { TaskGradients };
export type GradientStrategy = 'fused' | 'stacked' | 'loop';

/**
 * The config's choice, or for `auto` the cheapest on the current backend for this architecture. Throws a
 * ConfigError for 'fused' on a network that is not a dense chain (build-model.ts asks before allocating).
 */
export function chooseStrategy(
  config: ExperimentConfig,
  model: Pick<Model, 'stackedCost' | 'chainGradients'>,
): GradientStrategy {
  if (config.gradients === 'fused' && !model.chainGradients)
    throw new ConfigError([
      {
        path: 'gradients',
        message: `'fused' needs a network that is a chain of dense layers (layer-sharing), not '${config.architecture.id}'`,
        accepted: 'auto, stacked, loop',
      },
    ]);
  if (config.gradients !== 'auto') return config.gradients;
  // A dense chain runs its trunk once and differentiates by hand: fewest kernels and no T-fold work.
  if (model.chainGradients) return 'fused';
  // Stacked copies θ T times: on GPUs dispatch count dominates, so one pass wins; on CPU/WASM an
  // architecture whose every copy computes every column (T² work) is cheaper as a per-task loop.
  const cpuLike = ['cpu', 'wasm'].includes(tf.getBackend());
  return model.stackedCost === 'quadratic' && cpuLike ? 'loop' : 'stacked';
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
  if (strategy === 'fused') {
    if (!model.chainGradients || !batch)
      throw new Error("the 'fused' strategy needs a dense chain and a batch");
    return model.chainGradients(theta, taskVars, batch, probe !== undefined);
  }
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
