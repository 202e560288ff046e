import * as tf from '@tensorflow/tfjs-core';
import { initNodeBackend } from '../src/backend/node';
import { GROUP_MATMUL_KERNEL } from '../src/engine/train/seed-batch-matmul';
await initNodeBackend('wasm');
function time(name: string, f: () => tf.Tensor, reps = 1000) {
  for (let i = 0; i < 50; i++) f().dispose();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) f().dispose();
  return ((performance.now() - t0) / reps * 1000).toFixed(1);
}
const kern = (a: tf.Tensor, b: tf.Tensor) => tf.engine().runKernel(GROUP_MATMUL_KERNEL, { a, b }) as tf.Tensor;
for (const [G, m, k, n] of [[10, 64, 32, 1], [10, 64, 1, 32], [5, 128, 2, 32], [10, 32, 64, 1], [10, 1, 64, 32], [5, 2, 128, 32], [10, 64, 8, 8], [10, 64, 16, 16]]) {
  const a = tf.randomNormal([G, m, k]) as tf.Tensor3D, b = tf.randomNormal([G, k, n]) as tf.Tensor3D;
  console.log(`G=${G} ${m}x${k}x${n} (${m * k * n})  matMul ${time('', () => tf.matMul(a, b))} us  kernel ${time('', () => kern(a, b))} us`);
}
