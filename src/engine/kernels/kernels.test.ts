/**
 * Every fused kernel against its composition on the cpu backend (testing.ts holds the cases; the same run
 * on wasm in kernels.wasm.test.ts and on WebGPU in test/browser/kernels.test.ts), the composition fallback
 * on a backend without our kernels, registration, and tensor bookkeeping.
 */
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADAM_MOMENTS, adamMoments } from './adam-kernel';
import { ensureRegistered, fusedAvailable, runFused } from './fused-kernel';
import { KERNEL_CASES, runKernelCases, TOLERANCE } from './testing';

describe('fused kernels on the cpu backend', () => {
  it.each(KERNEL_CASES.map((c) => [c.name, c]))('%s matches the composition of tfjs ops', async (_, c) => {
    const [result] = await runKernelCases([c]);
    expect(result?.worst, result?.detail).toBeLessThanOrEqual(c.exact ? 0 : TOLERANCE);
  });

  it('optimizer and activation kernels round like tfjs cpu ops: bit-identical to the composition', async () => {
    const cases = KERNEL_CASES.filter((c) => /^(adam|sgd|activationGrad)/.test(c.name));
    expect(cases.length).toBeGreaterThan(5);
    for (const r of await runKernelCases(cases)) expect(r.worst, `${r.name}: ${r.detail}`).toBe(0);
  });

  it('leaves no tensor behind: the count is flat over repeated runs', async () => {
    await runKernelCases();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await runKernelCases();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('registers each kernel once, for cpu, wasm and webgpu, without tfjs warnings', () => {
    const warn = vi.spyOn(console, 'warn');
    ensureRegistered(ADAM_MOMENTS);
    ensureRegistered(ADAM_MOMENTS);
    for (const backend of ['cpu', 'wasm', 'webgpu'])
      expect(tf.getKernel(ADAM_MOMENTS.name, backend)).toBeDefined();
    expect(tf.getKernel(ADAM_MOMENTS.name, 'webgl')).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('refuses bad input with one line naming the input and what it accepts', () => {
    const moments = tf.zeros<tf.Rank.R2>([2, 3]);
    expect(() => adamMoments(moments, tf.zeros([4]), { beta1: 0.9, beta2: 0.999 })).toThrow(
      'adam: moments must be [2, 4] (m then v), got [2, 3]',
    );
    const ints = tf.zeros<tf.Rank.R2>([2, 3], 'int32');
    expect(() =>
      runFused(ADAM_MOMENTS, { moments: ints, grad: tf.zeros([3]) }, { beta1: 0.9, beta2: 0.9 }),
    ).toThrow("MtlAdamMoments: input 'moments' is int32; accepted: float32");
  });
});

describe('on a backend without our kernels (as webgl)', () => {
  // tfjs's cpu kernels under another backend name, without ours.
  const copied = tf.getKernelsForBackend('cpu').filter((k) => !k.kernelName.startsWith('Mtl'));
  beforeAll(async () => {
    tf.registerBackend('cpu-unfused', () => new MathBackendCPU());
    copied.forEach((k) => tf.registerKernel({ ...k, backendName: 'cpu-unfused' }));
    await tf.setBackend('cpu-unfused');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
    copied.forEach((k) => tf.unregisterKernel(k.kernelName, 'cpu-unfused'));
    tf.removeBackend('cpu-unfused');
  });

  it('runs the composition of tfjs ops instead', async () => {
    expect(fusedAvailable()).toBe(false);
    const moments = tf.zeros<tf.Rank.R2>([2, 2]);
    expect(runFused(ADAM_MOMENTS, { moments, grad: tf.ones([2]) }, { beta1: 0.5, beta2: 0.5 })).toBeNull();
    const next = adamMoments(moments, tf.tensor1d([1, 2]), { beta1: 0.5, beta2: 0.75 });
    expect(Array.from(await next.data())).toEqual([0.5, 1, 0.25, 1]);
  });

  it.each(KERNEL_CASES.map((c) => [c.name, c]))('%s: fallback and reference agree', async (_, c) => {
    const [result] = await runKernelCases([c]);
    expect(result?.worst, result?.detail).toBe(0);
  });
});
