/**
 * `npm run bench -- --only study` (or `npx tsx bench/study.bench.ts`): what a 5-seed study of one config
 * costs against one run of it, in Node on WASM and CPU. Three ways to train the default experiment for N
 * steps, reporting every `reportEvery` steps as a study does: one run (seed 1); five seeds one by one
 * (createTrainer five times); five seeds as one batch (createSeedBatchTrainer, src/engine/train/seed-batch.ts).
 * Rounds interleave the three so a busy machine slows them alike; each figure is the median over rounds.
 * The goal (issue 12): batched-5 at most 1.5x the wall time of one run on WASM.
 *
 *   npx tsx bench/study.bench.ts [--steps N] [--rounds N] [--seeds N] [--backends cpu,wasm] [--method ID]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { initNodeBackend, type NodeBackendName } from '../src/backend/node';
import { createTrainer, parseConfig } from '../src/engine';
import type { ExperimentConfig } from '../src/engine/config/types';
import { createSeedBatchTrainer } from '../src/engine/train/seed-batch';
import { parseBackends, parseCount } from './node.bench';
import { markdownTable, median, notMeasured } from './report/table';

export interface StudyBenchOptions {
  backends: NodeBackendName[];
  steps: number;
  rounds: number;
  seeds: number;
  /** The gradient method (default ew). */
  method?: string;
  log?: (line: string) => void;
}

type Way = 'one run' | 'seeds one by one' | 'seeds batched';
const WAYS: readonly Way[] = ['one run', 'seeds one by one', 'seeds batched'];

/** Train `steps` steps in chunks of reportEvery, reading the report(s) after each chunk; seconds taken. */
async function timeRun(
  train: { step(n: number): Promise<void>; report(): Promise<unknown>; dispose(): void },
  config: ExperimentConfig,
  steps: number,
): Promise<number> {
  const start = performance.now();
  try {
    for (let done = 0; done < steps;) {
      const n = Math.min(config.reportEvery, steps - done);
      await train.step(n);
      await train.report();
      done += n;
    }
  } finally {
    train.dispose();
  }
  return (performance.now() - start) / 1000;
}

/** A run built and trained, building included. */
async function timeSingle(config: ExperimentConfig, steps: number): Promise<number> {
  const start = performance.now();
  const trainer = createTrainer(config);
  return (performance.now() - start) / 1000 + (await timeRun(trainer, config, steps));
}

/** Seconds of CPU this process used (user + system): on a shared machine, steadier than wall time. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Wall and CPU seconds of one way of training. */
async function measureWay(way: Way, config: ExperimentConfig, seeds: number[], steps: number) {
  const cpu = cpuSeconds();
  const wall = await timeWay(way, config, seeds, steps);
  return { wall, cpu: cpuSeconds() - cpu };
}

async function timeWay(way: Way, config: ExperimentConfig, seeds: number[], steps: number) {
  if (way === 'one run') return timeSingle(config, steps);
  if (way === 'seeds one by one') {
    let total = 0;
    for (const seed of seeds) total += await timeSingle({ ...config, seed }, steps);
    return total;
  }
  // Building counts on every side: every seed's data and model, as createTrainer builds one run's.
  const start = performance.now();
  const batch = createSeedBatchTrainer(config, seeds);
  const built = (performance.now() - start) / 1000;
  const rest = await timeRun(
    { step: (n) => batch.step(n), report: () => batch.reports(), dispose: () => batch.dispose() },
    config,
    steps,
  );
  return built + rest;
}

export async function runStudyBench(o: StudyBenchOptions): Promise<{ markdown: string }> {
  const rows: string[][] = [];
  const notes: string[] = [];
  const seeds = Array.from({ length: o.seeds }, (_, i) => i + 1);
  for (const backend of o.backends) {
    try {
      const name = await initNodeBackend(backend);
      const config = parseConfig({ method: { id: o.method ?? 'ew' } });
      await timeWay('seeds batched', config, seeds, Math.min(50, o.steps)); // warm-up: kernels, V8
      await timeWay('one run', config, seeds, Math.min(50, o.steps));
      const times = new Map<Way, { wall: number; cpu: number }[]>(WAYS.map((w) => [w, []]));
      for (let round = 0; round < o.rounds; round++) {
        for (const way of WAYS) times.get(way)?.push(await measureWay(way, config, seeds, o.steps));
        o.log?.(`study bench, ${name}: round ${round + 1} of ${o.rounds}`);
      }
      const medianOf = (way: Way, key: 'wall' | 'cpu') => median((times.get(way) ?? []).map((t) => t[key]));
      for (const way of WAYS) {
        const seconds = medianOf(way, 'wall');
        const cpu = medianOf(way, 'cpu');
        const runs = way === 'one run' ? 1 : seeds.length;
        rows.push([
          `Node, ${name}`,
          way === 'one run' ? way : `${seeds.length} ${way}`,
          seconds.toFixed(2),
          ((o.steps * runs) / seconds).toFixed(0),
          (seconds / medianOf('one run', 'wall')).toFixed(2),
          cpu.toFixed(2),
          (cpu / medianOf('one run', 'cpu')).toFixed(2),
        ]);
      }
    } catch (error) {
      notes.push(`Node, ${backend}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const head = ['where', 'how', 'seconds', 'run-steps/s', 'time / one run', 'CPU s', 'CPU / one run'];
  const intro = `The default experiment (method ${o.method ?? 'ew'}), ${o.steps} steps, a report every 100 steps, building included; median of ${o.rounds} interleaved rounds. run-steps/s counts each seed's step; CPU s is this process's user + system time.\n\n`;
  return {
    markdown: intro + markdownTable(head, rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r']) + notMeasured(notes),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      steps: { type: 'string' },
      rounds: { type: 'string' },
      seeds: { type: 'string' },
      backends: { type: 'string' },
      method: { type: 'string' },
    },
  });
  const { markdown } = await runStudyBench({
    backends: parseBackends(values.backends),
    steps: parseCount('--steps', values.steps, 500) as number,
    rounds: parseCount('--rounds', values.rounds, 3) as number,
    seeds: parseCount('--seeds', values.seeds, 5) as number,
    log: (line) => process.stderr.write(`${line}\n`),
    ...(values.method ? { method: values.method } : {}),
  });
  process.stdout.write(markdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`study bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
