/**
 * One readback for many tensors: flatten and concatenate on the device, `await data()` once (never
 * dataSync: it breaks WebGPU), then hand each tensor's values back by name.
 */
import * as tf from '@tensorflow/tfjs';

export async function readAll<K extends string>(
  tensors: Record<K, tf.Tensor>,
): Promise<Record<K, Float32Array>> {
  const entries = Object.entries(tensors) as [K, tf.Tensor][];
  const flat = tf.tidy(() => tf.concat(entries.map(([, t]) => tf.cast(t.reshape([-1]), 'float32'))));
  const values = (await flat.data()) as Float32Array;
  flat.dispose();
  const out = {} as Record<K, Float32Array>;
  let at = 0;
  for (const [name, t] of entries) {
    out[name] = values.subarray(at, at + t.size);
    at += t.size;
  }
  return out;
}

/** Rows of a row-major [rows, cols] block as plain arrays. */
export function toRows(values: Float32Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from(values.subarray(r * cols, (r + 1) * cols)));
}
