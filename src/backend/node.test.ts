/**
 * The Node backends: cpu and wasm start, compute the same numbers, switch back and forth, and a name Node
 * cannot run is refused with the accepted ones.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { initNodeBackend, NODE_BACKENDS, type NodeBackendName } from './node';

/** A dense layer forward and backward: matmul, an activation, a reduction and the gradient of all three. */
async function denseLayerNumbers(): Promise<number[]> {
  const x = tf.tensor2d([0.5, -1, 2, 0.25, -0.75, 1.5], [2, 3]);
  const w = tf.tensor2d([0.1, -0.2, 0.3, 0.4, -0.5, 0.6], [3, 2]);
  const f = (wt: tf.Tensor) =>
    tf
      .sigmoid(tf.matMul(x, wt as tf.Tensor2D))
      .square()
      .sum();
  const loss = f(w);
  const gradient = tf.grad(f)(w);
  const numbers = [...(await loss.data()), ...(await gradient.data())];
  tf.dispose([x, w, loss, gradient]);
  return numbers;
}

describe('initNodeBackend', () => {
  afterAll(() => initNodeBackend('cpu'));

  it('starts cpu by default and wasm on request, and both give the same numbers', async () => {
    // Emscripten's loader adds process-wide handlers that rethrow every error; initNodeBackend removes them.
    const handlers = () =>
      process.listeners('uncaughtException').length + process.listeners('unhandledRejection').length;
    const before = handlers();
    expect(await initNodeBackend()).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    const onCpu = await denseLayerNumbers();
    expect(await initNodeBackend('wasm')).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(handlers()).toBe(before);
    const onWasm = await denseLayerNumbers();
    // Both are float32; one op each way differs at most by a few ulps (~1e-7 relative).
    onCpu.forEach((x, i) => expect(onWasm[i]).toBeCloseTo(x, 5));
    expect(await initNodeBackend('cpu')).toBe('cpu');
    expect(await denseLayerNumbers()).toEqual(onCpu);
  });

  it('refuses a name Node cannot run, naming the accepted ones', async () => {
    expect(NODE_BACKENDS).toEqual(['cpu', 'wasm']);
    await expect(initNodeBackend('webgpu' as NodeBackendName)).rejects.toThrow(
      /^backend: expected one of cpu, wasm, got "webgpu"$/,
    );
  });
});
