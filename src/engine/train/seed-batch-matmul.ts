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
 * weight-gradient products (G = seeds x tasks) slower than not splitting them. Products where the loop
 * is faster (groupedPays), other backends, and a WASM backend without the kernel registered keep
 * tf.matMul. The engine names the kernel; the entry points register it (src/backend/node.ts, browser.ts).
 */
import * as tf from '@tensorflow/tfjs-core';

/** The grouped product's kernel name: a [G, m, k] times b [G, k, n], float32, no transposes. */
export const GROUP_MATMUL_KERNEL = 'MtlGroupMatMul';

/**
 * Whether one XNNPACK product per pair beats tfjs-wasm's plain loop over the whole batch. XNNPACK packs
 * b_g for every pair and vectorises over output columns, so it loses on single-column outputs and on
 * one- or two-row products (the packing dominates); otherwise it wins from ~2,000 multiply-adds a pair.
 * Measured in Node (µs per call, loop vs grouped kernel, G pairs of m x k x n): 10 of 64x32x1 63 vs 81,
 * 10 of 1x64x32 24 vs 76, 5 of 2x128x32 49 vs 75; 10 of 16x8x8 42 vs 40 (even); 10 of 64x1x32 118 vs
 * 33, 5 of 128x2x32 127 vs 17, 10 of 8x32x32 78 vs 50, 10 of 64x32x4 80 vs 30, 5 of 128x32x32 624 vs 102.
 */
function groupedPays(rows: number, inner: number, cols: number): boolean {
  return rows >= 8 && cols >= 2 && rows * inner * cols >= 2048;
}

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
    !groupedPays(rows, inner, cols) ||
    a.shape[0] !== b.shape[0] ||
    !tf.getKernel(GROUP_MATMUL_KERNEL, 'wasm')
  )
    return tf.matMul(a, b, transposeA, transposeB);
  return tf.tidy(() => {
    const left = transposeA ? tf.transpose(a, [0, 2, 1]) : a;
    const right = transposeB ? tf.transpose(b, [0, 2, 1]) : b;
    return tf.engine().runKernel<tf.Tensor3D>(GROUP_MATMUL_KERNEL, { a: left, b: right });
  });
}
