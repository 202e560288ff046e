/**
 * Where a MultiMNIST training step goes on a Node backend: tf.profile of a few steps, kernels grouped by
 * name with their summed wall time (tfjs's kernelMs), largest first.
 *
 *   npx tsx bench/multi-mnist/profile-step.ts [--backend wasm] [--arch lenet] [--steps 5]
 */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { initNodeBackend, type NodeBackendName } from '../../src/backend/node';
import { parseConfig } from '../../src/engine/config/parse';
import { createTrainer } from '../../src/engine/train/trainer';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      backend: { type: 'string' },
      preset: { type: 'string' },
      steps: { type: 'string' },
      set: { type: 'string', multiple: true },
    },
  });
  await initNodeBackend((values.backend ?? 'wasm') as NodeBackendName);
  const raw = JSON.parse(readFileSync(values.preset ?? 'public/presets/multi-mnist.json', 'utf8')) as Record<
    string,
    unknown
  >;
  for (const s of values.set ?? []) {
    const [k, v] = s.split('=');
    raw[k as string] = JSON.parse(v as string);
  }
  const config = parseConfig(raw);
  const trainer = createTrainer(config);
  await trainer.step(3);
  const steps = Number(values.steps ?? 5);
  const t0 = performance.now();
  await trainer.step(steps);
  const ms = (performance.now() - t0) / steps;
  // A report evaluates the test set and a training sample: what it costs next to a step.
  await trainer.report();
  const r0 = performance.now();
  for (let i = 0; i < 3; i++) await trainer.report();
  const reportMs = (performance.now() - r0) / 3;
  const profile = await tf.profile(async () => {
    await trainer.step(steps);
  });
  const byName = new Map<string, { n: number; ms: number }>();
  for (const k of profile.kernels) {
    const e = byName.get(k.name) ?? { n: 0, ms: 0 };
    e.n += 1;
    e.ms += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    byName.set(k.name, e);
  }
  const rows = [...byName].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((a, [, e]) => a + e.ms, 0);
  process.stdout.write(
    `${ms.toFixed(1)} ms/step unprofiled (${(1000 / ms).toFixed(2)} steps/s); kernels ${profile.kernels.length / steps}/step, kernel time ${(total / steps).toFixed(1)} ms/step; a report ${reportMs.toFixed(0)} ms\n`,
  );
  for (const [name, e] of rows.slice(0, 20))
    process.stdout.write(
      `${name.padEnd(28)} ${String(e.n / steps).padStart(5)}/step ${(e.ms / steps).toFixed(2).padStart(8)} ms/step\n`,
    );
  trainer.dispose();
}
main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
