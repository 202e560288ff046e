/**
 * `cli sweep STUDY.json [--set path=value ...] [--history] [--threads N|auto]`: run a study (a base config, a grid over config
 * paths, seeds, optional single-task baselines) and print one JSON document
 * `{ study, runs, groups, baselines }`: per grid point the mean and 95% interval over seeds of every task's
 * test metric and loss, Δm% against the baselines (lower is better) and whether it is within seed noise of
 * the first grid point. --set applies to the study's base config. Exit 2 for a bad study file (one line),
 * 3 when every run diverged. The study trains on this thread and, with --threads above 1, on helper
 * threads beside it (thread-lanes.ts); the numbers do not depend on how many.
 */
import { applyOverride } from '../../engine/config/overrides';
import { ConfigError } from '../../engine/config/types';
import { describeValue } from '../../engine/params/describe';
import { runStudy } from '../../engine/runner/run-study';
import { parseStudy } from '../../engine/study/parse-study';
import { planStudy } from '../../engine/study/plan-study';
import type { Estimate, GroupSummary, RunRecord, StudySpec } from '../../engine/study/types';
import { EXIT, UserError } from '../errors';
import { type CliIo, readJsonFile, shownPath, writeJson } from '../io';
import * as tf from '@tensorflow/tfjs-core';
import { trainGroup } from '../../engine/runner/train-group';
import { csvBaseOf, withCsvBase } from '../csv-base';
import { ProgressBar } from '../progress';
import { autoLanes, startThreadLanes, type ThreadLanes } from '../thread-lanes';

export interface SweepOptions {
  sets: readonly string[];
  history: boolean;
  /** Threads to train on, this one included; null: auto (laneCount). */
  threads: number | null;
}

/**
 * Below this many planned run-steps `--threads auto` trains on this thread alone. A helper thread needs
 * 1.5-2 s of a core to start, and the study is cut into smaller batches for it: on 2 cores the 7,500
 * run-steps of the EW vs PCGrad example took 5.2 s on one thread and 5.8-6.3 s on two, 30,000 took 14.1
 * and 11.8 s (docs/benchmarks.md, "On several cores").
 */
export const AUTO_THREADS_MIN_STEPS = 20_000;

/** How many lanes a study trains on: never more than it has runs. */
export function laneCount(threads: number | null, runs: number, runSteps: number): number {
  const wanted = threads ?? (runSteps >= AUTO_THREADS_MIN_STEPS ? autoLanes() : 1);
  return Math.max(1, Math.min(wanted, runs));
}

/** An estimate as the CLI prints it: mean and half-width (null for none; JSON has no NaN). */
const shown = (e: Estimate) => ({
  mean: Number.isFinite(e.mean) ? e.mean : null,
  ci95: Number.isFinite(e.ci95) ? e.ci95 : null,
});

const tasksOf = (tasks: GroupSummary['tasks']) =>
  tasks.map((t) => ({ name: t.name, metric: shown(t.metric), loss: shown(t.loss) }));

function compactRun(record: RunRecord, history: boolean) {
  return {
    name: record.name,
    group: record.study?.group ?? '',
    seed: record.study?.seed ?? record.config.seed,
    status: record.status,
    ...(record.stopReason !== undefined ? { stopReason: record.stopReason } : {}),
    final: record.final,
    wallSeconds: Number(record.wallSeconds.toFixed(3)),
    // Trained side by side with this many seeds (wallSeconds is then the batch's time shared equally).
    ...(record.seedBatch !== undefined ? { seedBatch: record.seedBatch } : {}),
    ...(history ? { history: record.history } : {}),
  };
}

/** The study file with --set applied to its base; a bad file is one line naming the field. */
function readStudy(path: string, sets: readonly string[]): Record<string, unknown> {
  const raw = readJsonFile(path);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new UserError(
      `${shownPath(path)}: expected a JSON object { base, grid, seeds, baselines }, got ${describeValue(raw)}`,
    );
  const study = raw as Record<string, unknown>;
  if (sets.length) {
    let base = study.base ?? {};
    if (typeof base !== 'object' || base === null || Array.isArray(base))
      throw new ConfigError([
        { path: 'base', message: `expected a config object, got ${describeValue(base)}` },
      ]);
    for (const set of sets) base = applyOverride(base as Record<string, unknown>, set);
    study.base = base;
  }
  return study;
}

function parseStudyFile(path: string, study: Record<string, unknown>) {
  try {
    return parseStudy(study);
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(`${shownPath(path)}: ${error.message}`);
    throw error;
  }
}

export async function sweepCommand(
  positionals: string[],
  { sets, history, threads }: SweepOptions,
  io: CliIo,
): Promise<number> {
  const [path, ...extra] = positionals;
  if (!path)
    throw new UserError(
      'sweep: expected a study file, e.g. `sweep public/studies/methods-playground-2d.json`',
    );
  if (extra.length)
    throw new UserError(`sweep: expected one study file, got also ${describeValue(extra.join(' '))}`);
  const study = readStudy(path, sets);
  // Every grid point's config is checked while parsing: its data paths already count from the study's folder.
  const csvBase = csvBaseOf(path, study.base);
  return withCsvBase(path, study.base, () =>
    sweep(parseStudyFile(path, study), { history, threads, csvBase }, io),
  );
}

async function sweep(
  spec: StudySpec,
  o: { history: boolean; threads: number | null; csvBase: string | undefined },
  io: CliIo,
): Promise<number> {
  const plan = planStudy(spec);
  const runSteps = plan.reduce((n, run) => n + run.config.steps, 0);
  const bar = new ProgressBar(runSteps, io.err);
  const lanes = laneCount(o.threads, plan.length, runSteps);
  const helpers: ThreadLanes | null =
    lanes > 1
      ? startThreadLanes(lanes - 1, {
          backend: tf.getBackend() === 'wasm' ? 'wasm' : 'cpu',
          ...(o.csvBase !== undefined ? { csvBase: o.csvBase } : {}),
        })
      : null;
  // A helper that cannot start leaves its share to the others; say so once, the study goes on.
  for (const lane of helpers?.lanes ?? [])
    void lane.ready?.catch((error: unknown) =>
      io.err.write(
        `note: a helper thread could not start (${error instanceof Error ? error.message : String(error)}); the study trains without it\n`,
      ),
    );
  try {
    return await sweepOn(spec, plan, bar, helpers ? [trainGroup, ...helpers.lanes] : [trainGroup], o, io);
  } finally {
    await helpers?.close();
  }
}

async function sweepOn(
  spec: StudySpec,
  plan: ReturnType<typeof planStudy>,
  bar: ProgressBar,
  lanes: NonNullable<Parameters<typeof runStudy>[1]>['lanes'],
  { history }: { history: boolean },
  io: CliIo,
): Promise<number> {
  let runsDone = 0;
  const result = await runStudy(spec, {
    ...(lanes ? { lanes } : {}),
    onSteps(done) {
      bar.update(done, `run ${Math.min(runsDone + 1, plan.length)}/${plan.length}`);
    },
    onProgress(done, _total, record) {
      runsDone = done;
      if (record.status !== 'finished')
        io.err.write(`\n${record.name}: ${record.stopReason ?? record.status}\n`);
    },
  });
  const { summary, runs } = result;
  await writeJson(io, {
    study: spec,
    runs: runs.map((r) => compactRun(r, history)),
    groups: summary.groups.map((g) => ({
      settings: g.settings,
      seeds: g.seeds,
      tasks: tasksOf(g.tasks),
      deltaM: g.deltaM ? shown(g.deltaM) : null,
      withinNoise: g.withinNoise,
    })),
    baselines: (summary.baselineSets ?? []).map((b) => ({
      settings: b.settings,
      seeds: b.seeds,
      tasks: tasksOf(b.tasks),
    })),
  });
  return runs.length > 0 && runs.every((r) => r.status === 'diverged') ? EXIT.diverged : EXIT.ok;
}
