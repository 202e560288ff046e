import { initNodeBackend } from '../src/backend/node';
import { createTrainer, parseConfig } from '../src/engine';
import { createSeedBatchTrainer } from '../src/engine/train/seed-batch';
await initNodeBackend('wasm');
const config = parseConfig({ method: { id: 'ew' } });
console.log('reportEvery', config.reportEvery, 'steps?', (config as any).steps);
for (let round = 0; round < 3; round++) {
  let t0 = performance.now();
  const one = createTrainer(config);
  for (let i = 0; i < 5; i++) { await one.step(100); await one.report(); }
  one.dispose();
  const a = performance.now() - t0;
  t0 = performance.now();
  const b = createSeedBatchTrainer(config, [1, 2, 3, 4, 5]);
  const tb = performance.now() - t0;
  let steps = 0, reps = 0;
  for (let i = 0; i < 5; i++) { let s = performance.now(); await b.step(100); steps += performance.now() - s; s = performance.now(); await b.reports(); reps += performance.now() - s; }
  b.dispose();
  console.log(`one ${a.toFixed(0)} ms; batch build ${tb.toFixed(0)} steps ${steps.toFixed(0)} reports ${reps.toFixed(0)} total ${(performance.now() - t0).toFixed(0)}`);
}
