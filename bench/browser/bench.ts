/**
 * Browser benchmark page: the engine's trainer on each backend this browser offers, for a few experiments,
 * timed the way the app trains (chunks of steps without readback, a readback to fence the device).
 * Driven by bench/browser.bench.ts; results land in `window.benchResults` and in the page.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initBrowserBackend, type BackendName } from '../../src/backend/browser';
import { createTrainer, parseConfig } from '../../src/engine';

export interface BenchRow {
  backend: string;
  experiment: string;
  stepsPerSecond: number;
  kernelsPerStep: number;
  tensorsHeld: number;
}

const EXPERIMENTS: Record<string, Record<string, unknown>> = {
  'playground-2d, shared bottom, ew (default)': {},
  'playground-2d, ew, gradients loop': { gradients: 'loop' },
  'playground-2d, pcgrad': { method: { id: 'pcgrad' } },
  'playground-2d, mgda': { method: { id: 'mgda' } },
  'mmoe-synthetic, mmoe, ew': { task: { id: 'mmoe-synthetic' }, architecture: { id: 'mmoe' } },
  'toy, cagrad (5 start points)': { task: { id: 'toy' }, method: { id: 'cagrad' } },
};

const params = new URLSearchParams(location.search);
const STEPS = Number(params.get('steps') ?? 100);
const WARMUP = 20;

async function measure(raw: Record<string, unknown>): Promise<Omit<BenchRow, 'backend' | 'experiment'>> {
  const trainer = createTrainer(parseConfig(raw));
  try {
    await trainer.step(WARMUP); // shader compiles and buffer-pool growth happen here
    const profile = await tf.profile(() => trainer.step(1, { check: false }));
    await trainer.step(1); // fence
    const start = performance.now();
    await trainer.step(STEPS, { check: false });
    await trainer.step(1); // the check's readback waits for the device to finish
    const seconds = (performance.now() - start) / 1000;
    return {
      stepsPerSecond: (STEPS + 1) / seconds,
      kernelsPerStep: profile.kernels.length,
      tensorsHeld: tf.memory().numTensors,
    };
  } finally {
    trainer.dispose();
  }
}

/** Per-kernel device time of one step, summed by kernel name (needs timestamp queries on WebGPU). */
async function profileKernels(raw: Record<string, unknown>): Promise<Record<string, [number, number]>> {
  const trainer = createTrainer(parseConfig(raw));
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
    return byName;
  } finally {
    trainer.dispose();
  }
}

async function main(): Promise<void> {
  const out = document.getElementById('out') as HTMLElement;
  if (params.get('profile')) {
    await initBrowserBackend(params.get('profile') as BackendName);
    if (params.get('matmul')) tf.env().set('WEBGPU_MATMUL_PROGRAM_TYPE', Number(params.get('matmul')));
    const byName = await profileKernels({});
    const top = Object.entries(byName)
      .sort((a, b) => b[1][0] - a[1][0])
      .slice(0, 40);
    (window as unknown as { benchResults: unknown }).benchResults = top;
    return;
  }
  const rows: BenchRow[] = [];
  const backends = (params.get('backends') ?? 'webgpu,webgl,wasm').split(',') as BackendName[];
  for (const name of backends) {
    const init = await initBrowserBackend(name);
    if (params.get('matmul')) tf.env().set('WEBGPU_MATMUL_PROGRAM_TYPE', Number(params.get('matmul')));
    if (init.backend !== name) {
      out.textContent += `\n${name}: unavailable (${init.fallbackReason ?? ''})`;
      continue;
    }
    for (const [experiment, raw] of Object.entries(EXPERIMENTS)) {
      const row = { backend: name, experiment, ...(await measure(raw)) };
      rows.push(row);
      out.textContent += `\n${JSON.stringify(row)}`;
    }
  }
  (window as unknown as { benchResults: BenchRow[] }).benchResults = rows;
}

main().catch((error: unknown) => {
  (window as unknown as { benchError: string }).benchError = String(error);
});
