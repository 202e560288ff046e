import * as tf from '@tensorflow/tfjs-core';
import { initNodeBackend } from '../src/backend/node';
import { createTrainer, parseConfig } from '../src/engine';
import { createSeedBatchTrainer } from '../src/engine/train/seed-batch';
await initNodeBackend('wasm');
const config = parseConfig({ method: { id: 'ew' } });
const steps = 50;
async function prof(name: string, step: (n: number) => Promise<void>) {
  await step(20);
  {
  const t0 = performance.now(); const c0 = process.cpuUsage();
  await step(200);
  const c = process.cpuUsage(c0);
  console.log(`  plain first: ${((performance.now() - t0) / 200).toFixed(3)} ms/step wall, ${((c.user + c.system) / 1000 / 200).toFixed(3)} ms CPU`);
  }
  const info = await tf.profile(async () => { await step(steps); });
  const by = new Map<string, { ms: number; n: number; shapes: Map<string, number> }>();
  let total = 0;
  for (const k of info.kernels) {
    const ms = Number(k.kernelTimeMs) || 0;
    total += ms;
    const e = by.get(k.name) ?? { ms: 0, n: 0, shapes: new Map() };
    e.ms += ms; e.n++;
    const sh = k.inputShapes.map((s) => `[${s}]`).join('x');
    e.shapes.set(sh, (e.shapes.get(sh) ?? 0) + ms);
    by.set(k.name, e);
  }
  console.log(`${name}: kernels ${info.kernels.length / steps}/step, kernel ms/step ${(total / steps).toFixed(2)}`);
  for (const [k, e] of [...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14)) {
    const top = [...e.shapes].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([s, ms]) => `${s} ${(ms / steps).toFixed(3)}`).join('; ');
    console.log(`  ${k.padEnd(22)} ${(e.ms / steps).toFixed(3)} ms/step  n=${e.n / steps}  ${top}`);
  }
  const t0 = performance.now(); const c0 = process.cpuUsage();
  await step(200);
  const c = process.cpuUsage(c0);
  console.log(`  plain: ${((performance.now() - t0) / 200).toFixed(3)} ms/step wall, ${((c.user + c.system) / 1000 / 200).toFixed(3)} ms CPU`);
}
const one = createTrainer(config);
await prof('one run', (n) => one.step(n));
one.dispose();
const batch = createSeedBatchTrainer(config, [1, 2, 3, 4, 5]);
await prof('5 seeds batched', (n) => batch.step(n));
batch.dispose();
