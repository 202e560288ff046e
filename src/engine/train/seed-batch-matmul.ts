/**
 * A batched product of G independent pairs, a_g b_g (each optionally transposed), for the seed batch's
 * products with a shared layer's kernel, one pair per seed (seed-batch-chain.ts).
 *
 * Why not just tf.matMul: tfjs's WASM backend hands a product to XNNPACK's SIMD kernels only when both
 * operands have a batch of 1 and neither is transposed; any other product runs a plain loop. Measured in
 * Node on a busy 2-core machine: [5, 128, 32] x [5, 32, 32] took 1.5 ms where the same multiply-adds as
 * [1, 640, 32] x [1, 32, 32] took 0.22 ms, and one [1, 128, 32] x [1, 32, 32] 0.02 ms. A run's step has
 * mostly batch-1 products; the seed batch's carry the replica axis, so on WASM its large ones are split
 * into G batch-1 products (transposes made explicit first): a few more kernels, each on the fast path.
 * Small products (below LARGE multiply-adds per pair) and the other backends keep the one batched kernel.
 *
 * The split has a price: tfjs-wasm's slice copies its whole input (readSync) for every piece, so splitting
 * into many pieces costs more than it saves. The chain therefore splits only the products of a shared
 * kernel (one piece per seed), not the weight gradients (one piece per seed and task): measured in CPU
 * time per step of 5 seeds, splitting both cost 4.4-5.4 ms, neither 4.0-4.3 ms, only the first 3.7-4.6 ms.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Multiply-adds per pair from which splitting pays on WASM (a 64 x 32 x 32 product is 65,536). */
const LARGE = 16_384;

export function groupMatMul(
  a: tf.Tensor3D,
  b: tf.Tensor3D,
  transposeA = false,
  transposeB = false,
): tf.Tensor3D {
  const [groups = 1, a1 = 0, a2 = 0] = a.shape;
  const rows = transposeA ? a2 : a1;
  const inner = transposeA ? a1 : a2;
  const cols = transposeB ? b.shape[1] : b.shape[2];
  if (tf.getBackend() !== 'wasm' || groups === 1 || rows * inner * cols < LARGE)
    return tf.matMul(a, b, transposeA, transposeB);
  return tf.tidy(() => {
    const left = tf.split(transposeA ? tf.transpose(a, [0, 2, 1]) : a, groups);
    const right = tf.split(transposeB ? tf.transpose(b, [0, 2, 1]) : b, groups);
    return tf.concat<tf.Tensor3D>(
      left.map((x, g) => tf.matMul(x as tf.Tensor3D, right[g] as tf.Tensor3D)),
      0,
    );
  });
}
