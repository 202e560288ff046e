/**
 * One readback for many tensors: flatten and concatenate on the device, `await data()` once (never
 * dataSync: it breaks WebGPU), then hand each tensor's values back by name.
 */
import * as tf from '@tensorflow/tfjs-core';

export async function readAll<T extends Record<string, tf.Tensor>>(
  tensors: T,
): Promise<{ [K in keyof T]: Float32Array }> {
  const entries = Object.entries(tensors);
  const flat = tf.tidy(() => tf.concat(entries.map(([, t]) => tf.cast(t.reshape([-1]), 'float32'))));
  let values: Float32Array;
  try {
    values = await flat.data<'float32'>();
  } finally {
    flat.dispose();
  }
  let at = 0;
  const out: Record<string, Float32Array> = {};
  for (const [name, t] of entries) {
    out[name] = values.subarray(at, at + t.size);
    at += t.size;
  }
  // The keys are those of `tensors`, each filled above.
  return out as { [K in keyof T]: Float32Array };
}

/** Rows of a row-major [rows, cols] block as plain arrays. */
export function toRows(values: Float32Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from(values.subarray(r * cols, (r + 1) * cols)));
}
