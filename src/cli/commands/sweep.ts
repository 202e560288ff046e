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
import { csvBaseOf, withCsvBase } from '../csv-base';
import { ProgressBar } from '../progress';
import { withStudyLanes } from '../study-lanes';

export interface SweepOptions {
  sets: readonly string[];
  history: boolean;
  /** Threads to train on, this one included; null: auto (laneCount). */
  threads: number | null;
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
  return withStudyLanes(
    { threads: o.threads, runs: plan.length, runSteps, csvBase: o.csvBase },
    io,
    (lanes) => sweepOn(spec, plan, bar, lanes, o, io),
  );
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
