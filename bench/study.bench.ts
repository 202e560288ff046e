/**
 * `npm run bench -- --only study` (or `npx tsx bench/study.bench.ts`): what a 5-seed study of one config
 * costs against one run of it, in Node on WASM and CPU. Ways to train the default experiment for N steps,
 * reporting every `reportEvery` steps as a study does: one run (seed 1, createTrainer: the ratios' unit);
 * one run as a study trains it (the study runner's trainGroup on one config: a step-0 report and the final
 * record too, the same work per run as the lanes below); five seeds one by one (createTrainer five
 * times); five seeds as one batch (createSeedBatchTrainer, src/engine/train/seed-batch.ts).
 * And, with --threads N (default 2; 1 skips it), the seeds dealt to N lanes as a study deals them
 * (src/engine/runner/study-jobs.ts: 5 seeds on 2 lanes train as 3 + 2, each part batched): this thread plus
 * N - 1 helper threads (src/cli/thread-lanes.ts), started before the rounds as the app's study worker keeps
 * its helpers between studies; their start-up is reported on its own.
 * Rounds interleave the ways so a busy machine slows them alike; each figure is the median over rounds.
 * The goal (issue 12): a 5-seed study at most 1.5x the wall time of one run on WASM.
 *
 *   npx tsx bench/study.bench.ts [--steps N] [--rounds N] [--seeds N] [--backends cpu,wasm] [--method ID]
 *                                [--threads N]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { initNodeBackend, type NodeBackendName } from '../src/backend/node';
import { createTrainer, parseConfig } from '../src/engine';
import type { ExperimentConfig } from '../src/engine/config/types';
import { createSeedBatchTrainer } from '../src/engine/train/seed-batch';
import { planJobs } from '../src/engine/runner/study-jobs';
import { trainGroup, type GroupTrainer } from '../src/engine/runner/train-group';
import { startThreadLanes } from '../src/cli/thread-lanes';
import { parseBackends, parseCount } from './node.bench';
import { markdownTable, median, notMeasured } from './report/table';

export interface StudyBenchOptions {
  backends: NodeBackendName[];
  steps: number;
  rounds: number;
  seeds: number;
  /** The gradient method (default ew). */
  method?: string;
  /** Lanes for the 'seeds on threads' way (this thread included); 1 leaves it out. Default 2. */
  threads?: number;
  log?: (line: string) => void;
}

type Way =
  'one run' | 'one run as a study trains it' | 'seeds one by one' | 'seeds batched' | 'seeds on threads';

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

/**
 * The seeds dealt to the lanes as a study deals one group's seeds, every lane training its part at once
 * (each part batched, as trainGroup does in a study). Seconds until the last lane is done.
 */
async function timeOnLanes(lanes: GroupTrainer[], config: ExperimentConfig, seeds: number[], steps: number) {
  const configs = seeds.map((seed) => ({ ...config, seed, steps, reportEvery: config.reportEvery }));
  const jobs = planJobs([{ group: 'seeds', runs: configs.map((_, i) => i) }], lanes.length);
  const start = performance.now();
  await Promise.all(
    jobs.map((job, lane) =>
      (lanes[lane] as GroupTrainer)(
        job.runs.map((i) => configs[i] as ExperimentConfig),
        {},
      ),
    ),
  );
  return (performance.now() - start) / 1000;
}

/** Wall and CPU seconds of one way of training (CPU: the whole process, helper threads included). */
async function measureWay(
  way: Way,
  config: ExperimentConfig,
  seeds: number[],
  steps: number,
  lanes: GroupTrainer[],
) {
  const cpu = cpuSeconds();
  const wall = await timeWay(way, config, seeds, steps, lanes);
  return { wall, cpu: cpuSeconds() - cpu };
}

async function timeWay(
  way: Way,
  config: ExperimentConfig,
  seeds: number[],
  steps: number,
  lanes: GroupTrainer[] = [trainGroup],
) {
  if (way === 'one run') return timeSingle(config, steps);
  // A study's own unit: one config through the study runner (a step-0 report, the final record).
  if (way === 'one run as a study trains it') return timeOnLanes([trainGroup], config, [config.seed], steps);
  if (way === 'seeds on threads') return timeOnLanes(lanes, config, seeds, steps);
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
  const startups: string[] = [];
  const seeds = Array.from({ length: o.seeds }, (_, i) => i + 1);
  const threads = o.threads ?? 2;
  const ways: Way[] = ['one run', 'one run as a study trains it', 'seeds one by one', 'seeds batched'];
  if (threads > 1) ways.push('seeds on threads');
  for (const backend of o.backends) {
    const helpers = threads > 1 ? startThreadLanes(threads - 1, { backend }) : null;
    try {
      const startedAt = performance.now();
      const name = await initNodeBackend(backend);
      const config = parseConfig({ method: { id: o.method ?? 'ew' } });
      if (helpers) {
        await Promise.all(helpers.lanes.map((lane) => lane.ready ?? Promise.resolve()));
        startups.push(
          `Node, ${name}: ${threads - 1} helper thread(s) ready ${((performance.now() - startedAt) / 1000).toFixed(2)} s after they started (not in the table: started once, before the rounds).`,
        );
      }
      const lanes = [trainGroup, ...(helpers?.lanes ?? [])];
      await timeWay('seeds batched', config, seeds, Math.min(50, o.steps)); // warm-up: kernels, V8
      await timeWay('one run', config, seeds, Math.min(50, o.steps));
      if (helpers) await timeWay('seeds on threads', config, seeds, Math.min(50, o.steps), lanes);
      const times = new Map<Way, { wall: number; cpu: number }[]>(ways.map((w) => [w, []]));
      for (let round = 0; round < o.rounds; round++) {
        for (const way of ways) times.get(way)?.push(await measureWay(way, config, seeds, o.steps, lanes));
        o.log?.(`study bench, ${name}: round ${round + 1} of ${o.rounds}`);
      }
      const medianOf = (way: Way, key: 'wall' | 'cpu') => median((times.get(way) ?? []).map((t) => t[key]));
      if (helpers)
        startups.push(
          `Node, ${name}: ${seeds.length} seeds on ${threads} threads take ${(medianOf('seeds on threads', 'wall') / medianOf('one run as a study trains it', 'wall')).toFixed(2)}x one run as a study trains it.`,
        );
      for (const way of ways) {
        const seconds = medianOf(way, 'wall');
        const cpu = medianOf(way, 'cpu');
        const runs = way.startsWith('one run') ? 1 : seeds.length;
        rows.push([
          `Node, ${name}`,
          way.startsWith('one run')
            ? way
            : way === 'seeds on threads'
              ? `${seeds.length} seeds on ${threads} threads`
              : `${seeds.length} ${way}`,
          seconds.toFixed(2),
          ((o.steps * runs) / seconds).toFixed(0),
          (seconds / medianOf('one run', 'wall')).toFixed(2),
          cpu.toFixed(2),
          (cpu / medianOf('one run', 'cpu')).toFixed(2),
        ]);
      }
    } catch (error) {
      notes.push(`Node, ${backend}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await helpers?.close();
    }
  }
  const head = ['where', 'how', 'seconds', 'run-steps/s', 'time / one run', 'CPU s', 'CPU / one run'];
  const intro = `The default experiment (method ${o.method ?? 'ew'}), ${o.steps} steps, a report every 100 steps, building included; median of ${o.rounds} interleaved rounds. run-steps/s counts each seed's step; CPU s is this process's user + system time.\n\n`;
  return {
    markdown:
      intro +
      markdownTable(head, rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r']) +
      (startups.length ? `\n${startups.map((s) => `- ${s}\n`).join('')}` : '') +
      notMeasured(notes),
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
      threads: { type: 'string' },
    },
  });
  const { markdown } = await runStudyBench({
    backends: parseBackends(values.backends),
    steps: parseCount('--steps', values.steps, 500) as number,
    rounds: parseCount('--rounds', values.rounds, 3) as number,
    seeds: parseCount('--seeds', values.seeds, 5) as number,
    threads: parseCount('--threads', values.threads, 2) as number,
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
