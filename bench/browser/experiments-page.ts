/**
 * The per-experiment table of the browser bench (`?mode=experiments`): our trainer alone on several
 * experiments per backend, timed as the app trains (chunks of steps without readback, then a readback to
 * fence the device), and a per-kernel device-time profile (`?profile=webgpu`). Kernels are tf.profile's
 * count, so not on WebGPU (see dispatch-counter.ts); dispatches there.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initBrowserBackend, type BackendName } from '../../src/backend/browser';
import { createTrainer, parseConfig } from '../../src/engine';
import { countDispatches } from './dispatch-counter';
import type { ExperimentRow } from '../report/experiment-row';
export type { ExperimentRow };

const EXPERIMENTS: Record<string, Record<string, unknown>> = {
  'playground-2d, shared bottom, ew (default)': {},
  'playground-2d, ew, gradients loop': { gradients: 'loop' },
  'playground-2d, pcgrad': { method: { id: 'pcgrad' } },
  'playground-2d, mgda': { method: { id: 'mgda' } },
  'mmoe-synthetic, mmoe, ew': { task: { id: 'mmoe-synthetic' }, architecture: { id: 'mmoe' } },
  'toy, cagrad (5 start points)': { task: { id: 'toy' }, method: { id: 'cagrad' } },
};

const WARMUP = 20;

async function measure(raw: Record<string, unknown>, steps: number, onGpu: boolean) {
  const trainer = createTrainer(parseConfig(raw));
  try {
    await trainer.step(WARMUP); // shader compiles and buffer-pool growth happen here
    const oneStep = () => trainer.step(1, { check: false });
    const workPerStep = onGpu ? await countDispatches(oneStep) : (await tf.profile(oneStep)).kernels.length;
    await trainer.step(1); // fence
    const start = performance.now();
    await trainer.step(steps, { check: false });
    await trainer.step(1); // the check's readback waits for the device to finish
    const seconds = (performance.now() - start) / 1000;
    return {
      stepsPerSecond: (steps + 1) / seconds,
      workPerStep,
      unit: onGpu ? ('dispatches' as const) : ('kernels' as const),
      tensorsHeld: tf.memory().numTensors,
    };
  } finally {
    trainer.dispose();
  }
}

export async function experiments(
  backends: BackendName[],
  steps: number,
  log: (line: string) => void,
): Promise<ExperimentRow[]> {
  const rows: ExperimentRow[] = [];
  for (const name of backends) {
    const init = await initBrowserBackend(name);
    if (init.backend !== name) {
      log(`${name}: unavailable (${init.fallbackReason ?? ''})`);
      continue;
    }
    for (const [experiment, raw] of Object.entries(EXPERIMENTS)) {
      log(`${name}: ${experiment}…`);
      const row = { backend: name, experiment, ...(await measure(raw, steps, name === 'webgpu')) };
      rows.push(row);
      log(JSON.stringify(row));
    }
  }
  return rows;
}

/** Per-kernel device time of one step, summed by kernel name (needs timestamp queries on WebGPU). */
export async function profileKernels(backend: BackendName): Promise<[string, [number, number]][]> {
  await initBrowserBackend(backend);
  const trainer = createTrainer(parseConfig({}));
  try {
    await trainer.step(WARMUP);
    const profile = await tf.profile(() => trainer.step(1, { check: false }));
    const byName: Record<string, [number, number]> = {};
    for (const k of profile.kernels) {
      const ms = await k.kernelTimeMs;
      const entry = (byName[`${k.name} ${JSON.stringify(k.inputShapes)}`] ??= [0, 0]);
      entry[0] += typeof ms === 'number' ? ms : NaN;
      entry[1] += 1;
    }
    return Object.entries(byName)
      .sort((a, b) => b[1][0] - a[1][0])
      .slice(0, 40);
  } finally {
    trainer.dispose();
  }
}
