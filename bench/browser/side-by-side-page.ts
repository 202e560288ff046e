/**
 * The side-by-side bench in the browser: for each requested backend, the naive tfjs step against ours
 * (bench/side-by-side), interleaved; work per step is real GPU dispatches on WebGPU and tf.profile's kernel
 * count elsewhere.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initBrowserBackend, type BackendName } from '../../src/backend/browser';
import { NAIVE_ID, startContenders, type Contender } from '../side-by-side/contenders';
import { interleave } from '../side-by-side/interleave';
import type { BackendResults } from '../side-by-side/table';
import { countDispatches } from './dispatch-counter';

export interface SideBySideOptions {
  backends: BackendName[];
  rounds: number;
  steps: number | null;
  log: (line: string) => void;
}

async function kernelsOf(fn: () => Promise<void>): Promise<number> {
  return (await tf.profile(fn)).kernels.length;
}

export async function sideBySide(
  o: SideBySideOptions,
): Promise<{ results: BackendResults[]; skipped: string[] }> {
  const results: BackendResults[] = [];
  const skipped: string[] = [];
  for (const name of o.backends) {
    const init = await initBrowserBackend(name);
    if (init.backend !== name) {
      skipped.push(`${name}: unavailable (${init.fallbackReason ?? 'no reason given'})`);
      continue;
    }
    o.log(`Chromium, ${name}:`);
    const onGpu = name === 'webgpu';
    let contenders: Contender[] = [];
    try {
      const started = await startContenders(onGpu ? 5 : 30);
      contenders = started.contenders;
      for (const f of started.failures) skipped.push(`${name}, ${f}`);
      if (!contenders.some((c) => c.id === NAIVE_ID)) throw new Error('the naive step failed to start');
      const rows = await interleave(contenders, {
        rounds: o.rounds,
        steps: o.steps,
        // SwiftShader compiles each new shader for seconds: a few steps warm every program.
        warmupSteps: onGpu ? 5 : 30,
        blockMs: onGpu ? 1500 : 500,
        minSteps: onGpu ? 20 : 10,
        count: onGpu ? countDispatches : kernelsOf,
        countSteps: 5,
        now: () => performance.now(),
        log: o.log,
      });
      results.push({ where: `Chromium, ${name}`, unit: onGpu ? 'dispatches' : 'kernels', results: rows });
    } catch (error) {
      skipped.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      for (const c of contenders) c.dispose();
    }
  }
  return { results, skipped };
}
