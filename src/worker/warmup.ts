/**
 * WebGPU shader warm-up (docs/architecture.md, measured facts, tfjs issue 7768): one step of a throwaway trainer with the same
 * shapes under WEBGPU_ENGINE_COMPILE_ONLY compiles every pipeline in parallel without running anything;
 * the first real step then takes ~0.24 s instead of ~4 s, and a report's kernels are compiled with it. Never on the real trainer: in compile-only mode
 * nothing executes, so its variables would be left as garbage. Only the shapes of the config at hand are
 * compiled: one step issues exactly the programs training runs.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from '../engine/config/types';
import { viewsOf } from '../engine/config/views';
import { createTrainer, type Trainer } from '../engine/train/trainer';

/** Configs whose shapes were already compiled on this WebGPU device (a reset need not warm up again). */
const warmed = new Set<string>();
/** Bumped when the device changes, so that a compile still finishing for the old one is not counted. */
let generation = 0;

/** The parts of a config that decide tensor shapes and kernels (not the learning rate or the seed). */
function shapeKey(config: ExperimentConfig): string {
  const { task, architecture, method, optimizer, batchSize, gradients } = config;
  return JSON.stringify({ task, architecture, method, optimizer, batchSize, gradients });
}

/** Whether `config`'s shaders are compiled on the WebGPU device (current or standby). */
export const isWarm = (config: ExperimentConfig): boolean => warmed.has(shapeKey(config));

/** A compile that was issued: `compiled` settles when every pipeline is ready (a bare promise would be
 * adopted by the async function returning it, making the caller wait for the compile). */
export interface IssuedCompile {
  compiled: Promise<void>;
}

const NOTHING: IssuedCompile = { compiled: Promise.resolve() };

/**
 * Issues the compile of `config`'s shaders on the current backend when it is WebGPU, and resolves once
 * they are issued, with `compiled`, which settles when they are compiled. Between the two, another backend
 * may be made current: the compile goes on in the GPU process, and the throwaway trainer is freed on its
 * own backend. Never rejects: warm-up only saves time, and a real step surfaces any genuine error.
 */
export async function startWarmUp(config: ExperimentConfig): Promise<IssuedCompile> {
  if (tf.getBackend() !== 'webgpu') return NOTHING;
  const key = shapeKey(config);
  if (warmed.has(key)) return NOTHING;
  const backend = tf.backend() as unknown as { checkCompileCompletionAsync?: () => Promise<void> };
  const started = generation;
  let throwaway: Trainer | null = null;
  tf.env().set('WEBGPU_ENGINE_COMPILE_ONLY', true);
  try {
    throwaway = createTrainer(config);
    // The step first: a report reads back data that compile-only mode never computed (tfjs warns in the
    // console), which may read as a NaN loss, and a trainer that saw one refuses to step (it latches the
    // divergence). No finiteness check: its readback would only warn that compile-only data is invalid.
    await throwaway.step(1, { check: false }).catch(() => undefined);
    // The decision boundary's grid prediction (another batch shape): the page asks for it as soon as its
    // chart is mounted, which it is from load (ui/panels/ParkedCharts.tsx), and the 'play' after it would
    // wait seconds behind its compile. Before the report, whose readback may latch a divergence that
    // prediction refuses too. Only the shapes matter here, not the inputs.
    for (const view of viewsOf(config))
      if (view.kind === 'decision-boundary') {
        const count = view.gridSize * view.gridSize;
        await throwaway.predict(new Float32Array(count * view.bounds.length), count).catch(() => undefined);
      }
    // The reports' kernels too (evaluation on the whole train and test splits: other shapes; the first
    // report's fresh gradients): compiled here in parallel rather than one by one when the real trainer
    // reports. Their readback fails, which is expected.
    await throwaway.report().catch(() => undefined);
  } catch {
    // If warm-up fails, the first real step compiles instead.
  } finally {
    tf.env().set('WEBGPU_ENGINE_COMPILE_ONLY', false);
  }
  const done = throwaway;
  const compiled = (async () => {
    try {
      await backend.checkCompileCompletionAsync?.();
      if (generation === started) warmed.add(key);
    } catch {
      // A pipeline that fails to compile fails again in the real step, which reports it properly.
    } finally {
      done?.dispose();
    }
  })();
  return { compiled };
}

/** Compiles `config`'s shaders on the current WebGPU backend before its trainer is built (a no-op elsewhere). */
export async function warmUpWebGpu(config: ExperimentConfig): Promise<void> {
  await (
    await startWarmUp(config)
  ).compiled;
}

/** Forget compiled shapes (a new backend or device compiles from scratch). */
export function forgetWarmUps(): void {
  warmed.clear();
  generation++;
}
