/**
 * Training data on the device and the batches drawn from it. On a GPU a step uploads only the sample
 * indices and the gather happens on the device, in one dispatch per tensor (shared inputs keep their
 * targets task-major, [T, N, O], so that no transpose follows the gather). On the cpu and wasm backends,
 * whose tensors live in host memory anyway, the rows are copied on the host and the batch is created from
 * them: tfjs-wasm's GatherV2 took 4.9 ms a step for MultiMNIST's 128 x 784 inputs (50 µs for the default
 * experiment's) where the copy takes microseconds; the values are the same floats either way. Batches have a fixed size (the last partial batch of an epoch is dropped)
 * because the GPU buffer pool is keyed by exact sizes (docs/architecture.md, measured facts).
 *
 * Which samples of which task a step sees is the sampling strategy's call (src/engine/sampling); this file
 * only turns its plan into tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TaskSplit } from '../tasks/types';

/** One step's inputs [Sx, B, D] (Sx = 1 for shared inputs, T for separate) and targets [T, B, O]. */
export interface Batch {
  x: tf.Tensor3D;
  y: tf.Tensor3D;
  /** [T, B] slot weights from a sampling strategy (1 real, 0 padding); absent: every slot counts. */
  weights?: tf.Tensor2D;
  /** Tasks with samples this step; absent: all of them. */
  active?: boolean[];
  /** Per task, the training-split indices of the samples (the sampler's plan): the embedding cache's keys. */
  rows?: Int32Array[];
}

export function splitCounts(split: TaskSplit, numTasks: number): number[] {
  return split.mode === 'shared' ? Array.from({ length: numTasks }, () => split.count) : split.counts;
}

/** A split uploaded once; `gather` turns sample indices into a batch. */
export class DeviceDataset {
  private readonly x: tf.Tensor2D;
  /** Shared inputs: [T, N, O] (task-major); separate inputs: [ΣN, O]. */
  private readonly y: tf.Tensor;
  /** Row offset of each task's samples in x and y (separate inputs only). */
  private readonly offsets: number[];

  constructor(
    readonly split: TaskSplit,
    private readonly numTasks: number,
    private readonly inputDim: number,
    private readonly outputDim: number,
  ) {
    if (split.mode === 'shared') {
      this.x = tf.tensor2d(split.x, [split.count, inputDim]);
      this.y = tf.tidy(() => tf.tensor3d(split.y, [split.count, numTasks, outputDim]).transpose([1, 0, 2]));
      this.offsets = [];
    } else {
      const total = split.counts.reduce((a, b) => a + b, 0);
      this.x = tf.tensor2d(concatArrays(split.x), [total, inputDim]);
      this.y = tf.tensor2d(concatArrays(split.y), [total, outputDim]);
      this.offsets = split.counts.map((_, t) => split.counts.slice(0, t).reduce((a, b) => a + b, 0));
    }
  }

  /** `indices[t]` are task t's sample indices (all equal length B; for shared inputs only [0] is used). */
  gather(indices: Int32Array[]): Batch {
    const backend = tf.getBackend();
    if (backend === 'cpu' || backend === 'wasm')
      return gatherOnHost(this.split, indices, this.numTasks, this.inputDim, this.outputDim);
    return this.gatherOnDevice(indices);
  }

  /** The same batch gathered by the device (what `gather` does on a GPU). */
  gatherOnDevice(indices: Int32Array[]): Batch {
    const batchSize = indices[0]?.length ?? 0;
    const { numTasks, inputDim, outputDim } = this;
    if (this.split.mode === 'shared') {
      return tf.tidy(() => {
        const idx = tf.tensor1d(indices[0] ?? new Int32Array(0), 'int32');
        const x = tf.gather(this.x, idx).reshape<tf.Tensor3D>([1, batchSize, inputDim]);
        return { x, y: tf.gather(this.y, idx, 1) as tf.Tensor3D };
      });
    }
    const global = new Int32Array(numTasks * batchSize);
    indices.forEach((rows, t) =>
      rows.forEach((row, i) => (global[t * batchSize + i] = row + (this.offsets[t] ?? 0))),
    );
    return tf.tidy(() => {
      const idx = tf.tensor1d(global, 'int32');
      return {
        x: tf.gather(this.x, idx).reshape<tf.Tensor3D>([numTasks, batchSize, inputDim]),
        y: tf.gather(this.y, idx).reshape<tf.Tensor3D>([numTasks, batchSize, outputDim]),
      };
    });
  }

  dispose(): void {
    this.x.dispose();
    this.y.dispose();
  }
}

/** The batch `gather` returns, its rows copied on the host (see the header). */
export function gatherOnHost(
  split: TaskSplit,
  indices: Int32Array[],
  T: number,
  D: number,
  O: number,
): Batch {
  const B = indices[0]?.length ?? 0;
  const shared = split.mode === 'shared';
  const x = new Float32Array((shared ? 1 : T) * B * D);
  const y = new Float32Array(T * B * O);
  const copyRow = (from: Float32Array, row: number, width: number, to: Float32Array, at: number) =>
    to.set(from.subarray(row * width, (row + 1) * width), at * width);
  if (shared) {
    const rows = indices[0] ?? new Int32Array(0);
    rows.forEach((row, i) => {
      copyRow(split.x, row, D, x, i);
      // split.y is [N, T, O]: task t's targets of a sample sit at (row·T + t)·O.
      for (let t = 0; t < T; t++) copyRow(split.y, row * T + t, O, y, t * B + i);
    });
  } else {
    indices.forEach((rows, t) =>
      rows.forEach((row, i) => {
        copyRow(split.x[t] as Float32Array, row, D, x, t * B + i);
        copyRow(split.y[t] as Float32Array, row, O, y, t * B + i);
      }),
    );
  }
  return { x: tf.tensor3d(x, [shared ? 1 : T, B, D]), y: tf.tensor3d(y, [T, B, O]) };
}

function concatArrays(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
