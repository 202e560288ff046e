/**
 * The same comparisons as kernels.test.ts on tfjs's WASM backend in Node: its kernels work on views of the
 * WebAssembly heap, which the cpu backend never exercises. The backend package is loaded by this test only
 * (the engine never imports a backend); its Emscripten loader reads the .wasm binary from the directory
 * given to setWasmPaths.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KERNEL_CASES, runKernelCases } from './testing';

beforeAll(async () => {
  setWasmPaths(`${dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'))}/`);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('fused kernels on the wasm backend', () => {
  it.each(KERNEL_CASES.map((c) => [c.name, c]))('%s matches the composition of tfjs ops', async (_, c) => {
    expect(tf.getBackend()).toBe('wasm');
    const [result] = await runKernelCases([c]);
    expect(result?.worst, result?.detail).toBeLessThanOrEqual(c.exact ? 0 : 1e-5);
  });
});
