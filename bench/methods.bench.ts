/**
 * `npm run bench -- --only methods` (or `npx tsx bench/methods.bench.ts`): training speed of every gradient
 * method relative to `ew`, on the default experiment and on the CAGrad toy, in Node (tfjs CPU backend),
 * plus both per-task gradient strategies and the memory a trainer holds. Speed is measured here, never
 * asserted in tests.
 *
 * Flags: --steps N (timed steps per case, default 200), --json (machine-readable output).
 */
import * as tf from '@tensorflow/tfjs-core';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { initNodeBackend } from '../src/backend/node';
import { ConfigError, createTrainer, parseConfig, TrainingDivergedError } from '../src/engine';
import { METHODS } from '../src/engine/methods/registry';
import { markdownTable } from './report/table';

interface Row {
  suite: string;
  method: string;
  gradients: string;
  stepsPerSecond: number;
  relativeToEw: number;
  tensors: number;
  megabytes: number;
}

/** Median of three runs: single runs on a shared 2-core machine swing by ±40%. */
async function measure(raw: Record<string, unknown>, steps: number) {
  const runs = [await measureOnce(raw, steps), await measureOnce(raw, steps), await measureOnce(raw, steps)];
  runs.sort((a, b) => a.stepsPerSecond - b.stepsPerSecond);
  return runs[1] as (typeof runs)[number];
}

async function measureOnce(raw: Record<string, unknown>, steps: number) {
  let trainer: ReturnType<typeof createTrainer>;
  try {
    trainer = createTrainer(parseConfig(raw));
  } catch (error) {
    // A method this suite cannot run (Krum needs more than 2f + 2 tasks, DTP needs KPIs) is a row too.
    if (!(error instanceof ConfigError)) throw error;
    return { stepsPerSecond: NaN, tensors: NaN, megabytes: NaN, strategy: 'not applicable' };
  }
  let seconds: number;
  try {
    await trainer.step(10); // warm-up: first-call allocations and kernel setup
    const start = performance.now();
    await trainer.step(steps);
    seconds = (performance.now() - start) / 1000;
  } catch (error) {
    // A method that cannot train this suite (e.g. GradNorm on the toy's negative losses) is a row, not a crash.
    if (!(error instanceof TrainingDivergedError)) throw error;
    trainer.dispose();
    return { stepsPerSecond: NaN, tensors: NaN, megabytes: NaN, strategy: `diverged at step ${error.step}` };
  }
  const memory = tf.memory();
  const result = {
    stepsPerSecond: steps / seconds,
    tensors: memory.numTensors,
    megabytes: memory.numBytes / 2 ** 20,
    strategy: trainer.info.gradientStrategy,
  };
  trainer.dispose();
  return result;
}

/** Every method on both suites; the rows, and the Markdown table. */
export async function runMethodsBench(
  steps: number,
): Promise<{ backend: string; rows: Row[]; markdown: string }> {
  const backend = await initNodeBackend();
  const suites: [string, Record<string, unknown>][] = [
    ['playground-2d (default)', {}],
    ['toy (5 start points)', { task: { id: 'toy' }, learningRate: 0.001 }],
  ];
  const rows: Row[] = [];
  for (const [suite, base] of suites) {
    let ewRate = NaN;
    await measure(base, steps); // discarded: lets V8 compile the hot paths before the first measured case
    for (const method of METHODS) {
      const r = await measure({ ...base, method: { id: method.id } }, steps);
      if (method.id === 'ew') ewRate = r.stepsPerSecond;
      rows.push({
        suite,
        method: method.id,
        gradients: r.strategy,
        stepsPerSecond: r.stepsPerSecond,
        relativeToEw: r.stepsPerSecond / ewRate,
        tensors: r.tensors,
        megabytes: r.megabytes,
      });
    }
    const loop = await measure({ ...base, gradients: 'loop' }, steps);
    rows.push({
      suite,
      method: 'ew',
      gradients: 'loop',
      stepsPerSecond: loop.stepsPerSecond,
      relativeToEw: loop.stepsPerSecond / ewRate,
      tensors: loop.tensors,
      megabytes: loop.megabytes,
    });
  }
  const markdown = markdownTable(
    ['suite', 'method', 'gradients', 'steps/s', 'vs ew', 'tensors held', 'MB held'],
    rows.map((r) => [
      r.suite,
      r.method,
      r.gradients,
      r.stepsPerSecond.toFixed(1),
      r.relativeToEw.toFixed(2),
      String(r.tensors),
      r.megabytes.toFixed(2),
    ]),
    ['l', 'l', 'l', 'r', 'r', 'r', 'r'],
  );
  return { backend, rows, markdown };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { steps: { type: 'string' }, json: { type: 'boolean' } } });
  const steps = Number(values.steps ?? 200);
  if (!Number.isInteger(steps) || steps < 1)
    throw new Error(`--steps: expected a whole number ≥ 1, got '${values.steps}'`);
  const { backend, rows, markdown } = await runMethodsBench(steps);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ backend, steps, rows }, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `backend: ${backend}; median of 3 runs of ${steps} timed steps per case, each after 10 warm-up steps\n\n${markdown}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`methods bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
