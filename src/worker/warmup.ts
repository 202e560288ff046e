/**
 * WebGPU shader warm-up (docs/architecture.md, measured facts, tfjs issue 7768): one step of a throwaway trainer with the same
 * shapes under WEBGPU_ENGINE_COMPILE_ONLY compiles every pipeline in parallel without running anything;
 * the first real step then takes ~0.24 s instead of ~4 s. Never on the real trainer: in compile-only mode
 * nothing executes, so its variables would be left as garbage.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from '../engine/config/types';
import { createTrainer, type Trainer } from '../engine/train/trainer';

/** Configs whose shapes were already compiled on this backend (a reset need not warm up again). */
const warmed = new Set<string>();

/** The parts of a config that decide tensor shapes and kernels (not the learning rate or the seed). */
function shapeKey(config: ExperimentConfig): string {
  const { task, architecture, method, optimizer, batchSize, gradients } = config;
  return JSON.stringify({ task, architecture, method, optimizer, batchSize, gradients });
}

export async function warmUpWebGpu(config: ExperimentConfig): Promise<void> {
  if (tf.getBackend() !== 'webgpu') return;
  const key = shapeKey(config);
  if (warmed.has(key)) return;
  const backend = tf.backend() as unknown as { checkCompileCompletionAsync?: () => Promise<void> };
  let throwaway: Trainer | null = null;
  tf.env().set('WEBGPU_ENGINE_COMPILE_ONLY', true);
  try {
    throwaway = createTrainer(config);
    // No finiteness check: its readback would only warn that compile-only data is invalid.
    await throwaway.step(1, { check: false });
  } catch {
    // Warm-up only saves time; if it fails, the first real step compiles instead. The real trainer will
    // surface any genuine error itself.
  } finally {
    tf.env().set('WEBGPU_ENGINE_COMPILE_ONLY', false);
  }
  try {
    await backend.checkCompileCompletionAsync?.();
    warmed.add(key);
  } catch {
    // A pipeline that fails to compile fails again in the real step, which reports it properly.
  } finally {
    throwaway?.dispose();
  }
}

/** Forget compiled shapes (a new backend or device compiles from scratch). */
export function forgetWarmUps(): void {
  warmed.clear();
}
