/**
 * A batched product of G independent pairs, a_g b_g (each optionally transposed), for the seed batch's
 * products, one pair per seed or per (seed, task) (seed-batch-chain.ts).
 *
 * Why not just tf.matMul: tfjs's WASM backend hands a product to XNNPACK's SIMD kernels only when both
 * operands have a batch of 1 and neither is transposed; any other product runs a plain loop. Measured in
 * Node on a busy 2-core machine: [5, 128, 32] x [5, 32, 32] took 1.5 ms where the same multiply-adds as
 * [1, 640, 32] x [1, 32, 32] took 0.22 ms, and one [1, 128, 32] x [1, 32, 32] 0.02 ms.
 *
 * So on WASM a large product runs as the grouped kernel src/backend/wasm-group-matmul.ts registers: one
 * XNNPACK product per pair on slices of the operands' memory, no copies (transposes are made explicit
 * first, one tf.transpose of the whole [G, ...] tensor). Splitting with tf.split instead, as before, cost
 * a copy of the whole input per piece (tfjs-wasm's slice reads it all), which made splitting the
 * weight-gradient products (G = seeds x tasks) slower than not splitting them. Small products (below
 * LARGE multiply-adds per pair), other backends, and a WASM backend without the kernel registered keep
 * tf.matMul. The engine names the kernel; the entry points register it (src/backend/node.ts, browser.ts).
 */
import * as tf from '@tensorflow/tfjs-core';

/** The grouped product's kernel name: a [G, m, k] times b [G, k, n], float32, no transposes. */
export const GROUP_MATMUL_KERNEL = 'MtlGroupMatMul';

/** Multiply-adds per pair from which the grouped kernel pays on WASM (a 64 x 32 x 32 product is 65,536). */
const LARGE = 16_384;

export function groupMatMul(
  a: tf.Tensor3D,
  b: tf.Tensor3D,
  transposeA = false,
  transposeB = false,
): tf.Tensor3D {
  const [, a1 = 0, a2 = 0] = a.shape;
  const rows = transposeA ? a2 : a1;
  const inner = transposeA ? a1 : a2;
  const cols = transposeB ? b.shape[1] : b.shape[2];
  if (
    tf.getBackend() !== 'wasm' ||
    rows * inner * cols < LARGE ||
    a.shape[0] !== b.shape[0] ||
    !tf.getKernel(GROUP_MATMUL_KERNEL, 'wasm')
  )
    return tf.matMul(a, b, transposeA, transposeB);
  return tf.tidy(() => {
    const left = transposeA ? tf.transpose(a, [0, 2, 1]) : a;
    const right = transposeB ? tf.transpose(b, [0, 2, 1]) : b;
    return tf.engine().runKernel(GROUP_MATMUL_KERNEL, { a: left, b: right }) as tf.Tensor3D;
  });
}
