/**
 * Batched matrix product over stacked weights, with leading batch dimensions broadcast.
 *
 * Why not plain `tf.matMul`: in tfjs 4.22 every backend broadcasts the batch dimensions in the forward pass
 * (the collapsed batch index is taken modulo each side's batch size), but the BatchMatMul gradient does
 * not sum over the broadcast dimensions, so `tf.grads` throws ("The gradient of input 'a' has shape
 * '2,4,3', which does not match the shape of the input '1,4,3'"). The copy layout of types.ts needs that
 * broadcast ([1, B, in] x [T, in, out]), hence this custom gradient.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * The modulo indexing is right only when a side's batch shape, without its leading 1s, equals the trailing
 * dimensions of the broadcast batch shape ([1, C] with [T, C] works; [T, 1] with [1, C] would not).
 */
function assertLeadingBroadcast(a: readonly number[], b: readonly number[]): void {
  const batchA = a.slice(0, -2);
  const batchB = b.slice(0, -2);
  if (batchA.length !== batchB.length) throw new Error(`bmm: ranks differ (${a.length} vs ${b.length})`);
  const out = batchA.map((n, i) => Math.max(n, batchB[i] ?? 1));
  for (const side of [batchA, batchB]) {
    const first = side.findIndex((n) => n !== 1);
    const ok = first < 0 || side.slice(first).every((n, i) => n === out[first + i]);
    if (!ok) throw new Error(`bmm: cannot broadcast batch shapes [${batchA.join()}] and [${batchB.join()}]`);
  }
}

/** Sum a gradient over the batch axes that `shape` broadcast (kept as size 1). */
function reduceTo(g: tf.Tensor, shape: readonly number[]): tf.Tensor {
  const axes = shape.slice(0, -2).flatMap((n, i) => (n === 1 && g.shape[i] !== 1 ? [i] : []));
  return axes.length ? tf.sum(g, axes, true) : g;
}

const bmmWithGrad = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor, tf.Tensor];
      return [
        reduceTo(tf.matMul(dy, sb, false, true), sa.shape),
        reduceTo(tf.matMul(sa, dy, true, false), sb.shape),
      ];
    },
  };
});

/**
 * The same product when `a` is a constant (the input batch): differentiated with respect to `b` only. A
 * custom gradient computes every input's gradient eagerly, and tfjs cannot prune the unused one (it does
 * for stock kernels), so `bmmWithGrad` on the input batch paid a matrix product per step for nothing.
 */
function bmmConstantA(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const withGrad = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const bb = args[0] as tf.Tensor;
    return {
      value: tf.matMul(a, bb),
      gradFunc: (dy: tf.Tensor) => [reduceTo(tf.matMul(a, dy, true, false), bb.shape)],
    };
  });
  return withGrad(b);
}

/**
 * a [..., m, k] x b [..., k, n] -> [..., m, n]; equal ranks, leading batch dimensions may be 1.
 * `constantA`: `a` needs no gradient (it is the input batch), so none is computed for it.
 */
export function bmm<T extends tf.Tensor>(a: T, b: tf.Tensor, options: { constantA?: boolean } = {}): T {
  assertLeadingBroadcast(a.shape, b.shape);
  // Same batch shapes: the stock gradient is right, prunes unused inputs and skips the bookkeeping.
  const same = a.shape.slice(0, -2).every((n, i) => n === b.shape[i]);
  if (same) return tf.matMul<T>(a, b);
  return (options.constantA ? bmmConstantA(a, b) : bmmWithGrad(a, b)) as T;
}

/** Element i of a list that must have it (forward arguments are positional). */
export function at<T>(list: readonly T[], i: number, what: string): T {
  const item = list[i];
  if (item === undefined) throw new Error(`missing ${what} (index ${i})`);
  return item;
}
