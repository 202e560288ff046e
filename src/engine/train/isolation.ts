/**
 * Gradient-level isolation between tasks, applied to the task gradients G [R, T, P] before the method
 * combines them and to the update after: per-task gradient masks over the shared layers (a task may read a
 * layer without updating it), per-task norm clipping (no task dominates by magnitude) and global clipping
 * of the update (Pascanu, Mikolov & Bengio, "On the difficulty of training recurrent neural networks",
 * ICML 2013). Everything stays on the device; nothing is built when the settings are off.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { IsolationValues } from '../config/isolation';
import { ConfigError } from '../config/types';
import type { SharedLayer } from './model';

export interface GradientIsolation {
  /** G with masks and per-task clipping applied (a new tensor, or G itself when both are off). */
  taskGradients(grads: tf.Tensor3D): tf.Tensor3D;
  /** The update direction [R, P] with global clipping applied (or the direction itself). */
  direction(direction: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

/**
 * Throws ConfigError naming every [task, layer] pair whose layer this architecture does not have. Called
 * when the model is built (build-model.ts), before the trainer allocates anything else.
 */
export function checkGradientMask(pairs: readonly [number, number][], layers: readonly SharedLayer[]): void {
  const accepted = layers.length
    ? `[task, layer] with a layer from 0 to ${layers.length - 1}`
    : 'no pairs (this architecture shares no layer)';
  const issues = pairs.flatMap(([, layer], i) =>
    layers[layer]
      ? []
      : [
          {
            path: `isolation.gradientMask[${i}]`,
            message: `layer ${layer} does not exist; this architecture's shared layers are ${layers.map((l, k) => `${k} (${l.name})`).join(', ') || 'none'}`,
            accepted,
          },
        ],
  );
  if (issues.length) throw new ConfigError(issues);
}

/** [T, P] 0/1: which entries of θ each task's gradient may update. Throws ConfigError on a bad layer index. */
export function maskMatrix(
  pairs: readonly [number, number][],
  layers: readonly SharedLayer[],
  numTasks: number,
  numShared: number,
): Float32Array {
  checkGradientMask(pairs, layers);
  const mask = new Float32Array(numTasks * numShared).fill(1);
  for (const [task, layer] of pairs) {
    for (const { offset, size } of layers[layer]?.ranges ?? [])
      mask.fill(0, task * numShared + offset, task * numShared + offset + size);
  }
  return mask;
}

export function createGradientIsolation(
  settings: Pick<IsolationValues, 'gradientMask' | 'clipPerTask' | 'clipNorm'>,
  layers: readonly SharedLayer[],
  numTasks: number,
  numShared: number,
): GradientIsolation {
  const { gradientMask: pairs, clipPerTask: perTask, clipNorm } = settings;
  const mask = pairs.length
    ? tf.tensor3d(maskMatrix(pairs, layers, numTasks, numShared), [1, numTasks, numShared])
    : null;
  // Per-task limits [1, T, 1]; a 0 entry means unclipped (an infinite limit).
  const limits = perTask.some((c) => c > 0)
    ? tf.tensor3d(
        perTask.map((c) => (c > 0 ? c : Number.POSITIVE_INFINITY)),
        [1, numTasks, 1],
      )
    : null;
  return {
    taskGradients(grads) {
      if (!mask && !limits) return grads;
      return tf.tidy(() => {
        let g: tf.Tensor3D = mask ? tf.mul(grads, mask) : grads;
        if (limits) g = tf.mul(g, scaleDown(tf.norm(g, 'euclidean', 2, true), limits));
        return g;
      });
    },
    direction(direction) {
      if (!(clipNorm > 0)) return direction;
      return tf.tidy(() => tf.mul(direction, scaleDown(tf.norm(direction, 'euclidean', 1, true), clipNorm)));
    },
    dispose() {
      tf.dispose([...(mask ? [mask] : []), ...(limits ? [limits] : [])]);
    },
  };
}

/** min(1, limit / norm), 1 where the norm is 0. */
function scaleDown(norm: tf.Tensor, limit: tf.Tensor | number): tf.Tensor {
  return tf.minimum(1, tf.divNoNan(limit, norm).add(tf.equal(norm, 0).cast('float32').mul(1e30)));
}
