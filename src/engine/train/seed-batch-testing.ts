/**
 * Helpers for the tests that compare a seed batch with its seeds' one-by-one runs (seed-batch.test.ts on
 * the CPU backend, test/seed-batch-wasm.test.ts on WASM).
 */
import type { ExperimentConfig } from '../config/types';
import type { Report } from './report';
import { createSeedBatchTrainer } from './seed-batch';
import { createTrainer } from './trainer';

/** Every number a report holds, in a fixed order, with its path (for a message naming the first mismatch). */
function reportNumbers(r: Report): [string, number][] {
  const out: [string, number][] = [['step', r.step]];
  r.tasks.forEach((t, i) => {
    for (const k of ['trainLoss', 'testLoss', 'trainMetric', 'testMetric'] as const)
      out.push([`tasks[${i}].${k}`, t[k]]);
  });
  r.weights.forEach((w, i) => out.push([`weights[${i}]`, w]));
  r.gradients.norms.forEach((n, i) => out.push([`norms[${i}]`, n]));
  r.gradients.cosine.flat().forEach((c, i) => out.push([`cosine[${i}]`, c]));
  r.gradients.layers.forEach((l) => l.cosine.flat().forEach((c, i) => out.push([`${l.layer}[${i}]`, c])));
  r.sampling?.total.forEach((s, i) => out.push([`sampling.total[${i}]`, s]));
  return out;
}

/** The largest difference between two reports, and where (Infinity where their entries differ). */
export function worstDifference(a: Report, b: Report): { at: string; diff: number } {
  const x = reportNumbers(a);
  const y = reportNumbers(b);
  const keys = (v: [string, number][]) => v.map(([k]) => k).join();
  if (keys(x) !== keys(y)) return { at: 'the reports hold different entries', diff: Infinity };
  let worst = { at: 'none', diff: 0 };
  x.forEach(([k, v], i) => {
    const diff = Math.abs(v - (y[i]?.[1] ?? NaN));
    if (!(diff <= worst.diff)) worst = { at: k, diff: Number.isNaN(diff) ? Infinity : diff };
  });
  return worst;
}

/** Batched reports at step 0 and after `steps`, and each seed's one-by-one reports at the same steps. */
export async function batchAndSingles(config: ExperimentConfig, seeds: number[], steps: number) {
  const batch = createSeedBatchTrainer(config, seeds);
  const batched = [await batch.reports()];
  await batch.step(steps);
  batched.push(await batch.reports());
  batch.dispose();
  const singles: Report[][] = [];
  for (const seed of seeds) {
    const run = createTrainer({ ...config, seed });
    const first = await run.report();
    await run.step(steps);
    singles.push([first, await run.report()]);
    run.dispose();
  }
  return { batched, singles };
}
