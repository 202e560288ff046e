/** Helpers for architectures whose shared part is a stack of C parallel MLPs (columns, experts). */
import * as tf from '@tensorflow/tfjs-core';

/**
 * x [Sx, B, D] -> [Sx, C, B, D] ready for stacked kernels [S, C, D, H]. With Sx = 1 a size-1 axis
 * broadcasts; with Sx > 1 the column axis must be materialised, because bmm broadcasts only leading
 * batch dimensions ([T, 1] against [1, C] is not one).
 */
export function spreadOverColumns(x: tf.Tensor3D, columns: number): tf.Tensor4D {
  const h = x.expandDims<tf.Tensor4D>(1);
  return x.shape[0] === 1 ? h : tf.tile(h, [1, columns, 1, 1]);
}

/**
 * From a stream [S, T, B, H] with one column per task, task t's column as [T, B, H]. With S = T, task t
 * reads copy t (the diagonal), so that its loss depends only on copy t of θ and of the inputs.
 */
export function taskColumns(h: tf.Tensor4D): tf.Tensor3D {
  const [copies, tasks, batch, width] = h.shape;
  if (copies === 1) return h.reshape([tasks, batch, width]);
  const diagonal = tf.range(0, tasks * tasks, tasks + 1, 'int32');
  return tf.gather(h.reshape([copies * tasks, batch, width]), diagonal);
}

/**
 * Tile h's batch axes (all but the last two) so that bmm can broadcast h against weights whose batch shape
 * is `lead`: from h's first batch axis that is not 1, every axis must equal the weights' (ops.ts). Axes
 * before that stay 1 and broadcast for free; spreadOverColumns is the case h = [Sx, 1, B, D].
 */
export function alignBatch(h: tf.Tensor, lead: readonly number[]): tf.Tensor {
  const batchRank = h.rank - 2;
  const first = h.shape.slice(0, batchRank).findIndex((n) => n !== 1);
  const shape = h.shape.map((n, i) =>
    first >= 0 && i > first && i < batchRank && n === 1 ? (lead[i] ?? 1) : n,
  );
  // Adding zeros broadcasts with a gradient at any rank; tile (and broadcastTo, which is tile) has none above 4.
  return shape.some((n, i) => n !== h.shape[i]) ? tf.add(h, tf.zeros(shape)) : h;
}
