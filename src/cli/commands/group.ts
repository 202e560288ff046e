/**
 * `cli group CONFIG.json [--seeds N] [--budget G] [--set path=value ...] [--backend cpu|wasm] [--threads N|auto]`: task
 * grouping end to end (Fifty, Amid, Zhao, Yu, Anil & Finn, "Efficiently Identifying Task Groupings for
 * Multi-Task Networks", NeurIPS 2021, arXiv:2109.04617):
 * 1. train the config once with the lookahead affinity measured (its `isolation.affinityEvery`, or every
 *    5 steps when it measures none),
 * 2. propose the grouping with the most affinity received from group mates, in at most G groups
 *    (engine/grouping/search.ts; default G = 2, the paper's smallest budget),
 * 3. run the study that compares all tasks together, the proposal and every task alone on the
 *    task-groups architecture over N seeds (default 3), on --threads as `sweep` does (../study-lanes.ts),
 * and print one JSON document { probe, affinity, proposal, study, comparison, runs }; progress on stderr.
 * Exit 2 for a bad file or option (one line), 3 when the probe or every study run diverged.
 */
import { parseArgs } from 'node:util';
import { applyOverride } from '../../engine/config/overrides';
import { parseConfig } from '../../engine/config/parse';
import { compareGroupings } from '../../engine/grouping/compare';
import {
  bestGrouping,
  groupingLabel,
  MAX_SEARCH_TASKS,
  receivedAffinity,
} from '../../engine/grouping/search';
import { groupingStudy } from '../../engine/grouping/study';
import { describeValue, oneLine } from '../../engine/params/describe';
import { runStudy } from '../../engine/runner/run-study';
import { trainOne } from '../../engine/runner/train-one';
import { parseStudy } from '../../engine/study/parse-study';
import { planStudy } from '../../engine/study/plan-study';
import type { Estimate } from '../../engine/study/types';
import { parseThreads } from '../args';
import { csvBaseOf, withCsvBase } from '../csv-base';
import { withStudyLanes } from '../study-lanes';
import { EXIT, UserError } from '../errors';
import { type CliIo, readJsonFile, shownPath, writeJson } from '../io';
import { ProgressBar } from '../progress';

interface Backends {
  readonly names: readonly string[];
  init(name: string): Promise<unknown>;
}

/** The lesson's sampling rate: every 5 steps gives 100 samples in 500 steps. */
export const DEFAULT_AFFINITY_EVERY = 5;
export const DEFAULT_SEEDS = 3;
export const DEFAULT_BUDGET = 2;
const MAX_SEEDS = 20;

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        seeds: { type: 'string' },
        budget: { type: 'string' },
        set: { type: 'string', multiple: true },
        backend: { type: 'string' },
        threads: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const why = oneLine((error as Error).message.split('\n')[0] ?? '', 160);
    throw new UserError(`group: ${why} (see \`npm run -s cli -- help\`)`);
  }
}

function intOption(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (Number.isInteger(value) && value >= 1 && value <= max) return value;
  throw new UserError(`--${name}: expected an integer from 1 to ${max}, got ${describeValue(text)}`);
}

/** JSON has no NaN: an estimate as mean and half-width, null for none. */
const shown = (e: Estimate) => ({
  mean: Number.isFinite(e.mean) ? e.mean : null,
  ci95: Number.isFinite(e.ci95) ? e.ci95 : null,
  n: e.n,
});

export async function groupCommand(
  args: readonly string[],
  io: CliIo,
  backends: Backends,
  defaultBackend: string,
): Promise<number> {
  const { values, positionals } = parse(args);
  const [path, ...extra] = positionals;
  if (!path)
    throw new UserError('group: expected a config file, e.g. `group public/presets/playground-2d.json`');
  if (extra.length)
    throw new UserError(`group: expected one config file, got also ${describeValue(extra.join(' '))}`);
  const seeds = intOption('seeds', values.seeds, DEFAULT_SEEDS, MAX_SEEDS);
  const budget = intOption('budget', values.budget, DEFAULT_BUDGET, MAX_SEARCH_TASKS);
  const threads = parseThreads(values.threads);
  const backend = values.backend ?? defaultBackend;
  if (!backends.names.includes(backend))
    throw new UserError(
      `--backend: expected one of ${backends.names.join(', ')}, got ${describeValue(backend)}`,
    );
  let raw = readJsonFile(path);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new UserError(
      `${shownPath(path)}: expected a JSON object with the experiment config, got ${describeValue(raw)}`,
    );
  for (const set of values.set ?? []) raw = applyOverride(raw as Record<string, unknown>, set);
  const config = raw as Record<string, unknown>;
  await backends.init(backend);
  const csvBase = csvBaseOf(path, config);
  return withCsvBase(path, config, () => group(config, { seeds, budget, threads, csvBase }, io));
}

/** The config with the affinity measured: its own rate, or every 5 steps. */
function withAffinity(raw: Record<string, unknown>): Record<string, unknown> {
  const isolation = (raw.isolation ?? {}) as Record<string, unknown>;
  const every = isolation.affinityEvery;
  if (typeof every === 'number' && every > 0) return raw;
  return { ...raw, isolation: { ...isolation, affinityEvery: DEFAULT_AFFINITY_EVERY } };
}

async function group(
  raw: Record<string, unknown>,
  opts: { seeds: number; budget: number; threads: number | null; csvBase: string | undefined },
  io: CliIo,
): Promise<number> {
  const config = parseConfig(withAffinity(raw));
  io.err.write(
    `group: 1/2 measuring the affinity (${config.steps} steps, every ${config.isolation.affinityEvery})\n`,
  );
  const probeBar = new ProgressBar(config.steps, io.err);
  const probe = await trainOne(config, { onSteps: (done) => probeBar.update(done) });
  if (probe.status === 'diverged') {
    io.err.write(`group: the affinity run diverged: ${probe.stopReason ?? ''}\n`);
    return EXIT.diverged;
  }
  const affinity = probe.history.at(-1)?.affinity;
  const T = probe.final?.tasks.length ?? 0;
  if (T < 2 || !affinity || affinity.samples === 0)
    throw new UserError(
      `group: grouping needs at least two tasks with the affinity measured, got ${T} task${T === 1 ? '' : 's'}`,
    );
  if (T > MAX_SEARCH_TASKS) throw new UserError(`group: at most ${MAX_SEARCH_TASKS} tasks, got ${T}`);
  const best = bestGrouping(affinity.matrix, opts.budget);
  const label = groupingLabel(best.groups);
  io.err.write(
    `group: proposal ${label} (score ${best.score.toPrecision(3)}, ${best.candidates} groupings scored)\n`,
  );

  const { spec: file, roles } = groupingStudy(raw, best.groups, opts.seeds);
  const spec = parseStudy(file);
  const plan = planStudy(spec);
  io.err.write(
    `group: 2/2 comparing ${roles.map((r) => `${r.role} (${r.label})`).join(', ')} over ${opts.seeds} seed(s), ${plan.length} runs\n`,
  );
  const runSteps = plan.reduce((n, run) => n + run.config.steps, 0);
  const bar = new ProgressBar(runSteps, io.err);
  const { summary, runs } = await withStudyLanes(
    { threads: opts.threads, runs: plan.length, runSteps, csvBase: opts.csvBase },
    io,
    (lanes) => runStudy(spec, { lanes, onSteps: (done) => bar.update(done) }),
  );
  const comparison = compareGroupings(roles, summary, runs);
  await writeJson(io, {
    probe: {
      config,
      samples: affinity.samples,
      final: probe.final,
      wallSeconds: Number(probe.wallSeconds.toFixed(3)),
    },
    affinity: affinity.matrix,
    proposal: {
      groups: best.groups,
      label,
      score: best.score,
      received: receivedAffinity(affinity.matrix, best.groups),
      budget: opts.budget,
      candidates: best.candidates,
    },
    study: spec,
    comparison: comparison.map((c) => ({
      role: c.role,
      groups: c.groups,
      label: c.label,
      seeds: c.seeds,
      meanTestLoss: shown(c.meanTestLoss),
      meanTestMetric: shown(c.meanTestMetric),
      lossVsTogether: c.lossVsTogether ? shown(c.lossVsTogether) : null,
      withinNoise: c.withinNoise,
      tasks: c.tasks.map((t) => ({ name: t.name, loss: shown(t.loss), metric: shown(t.metric) })),
    })),
    runs: runs.map((r) => ({
      name: r.name,
      seed: r.config.seed,
      status: r.status,
      final: r.final,
      wallSeconds: Number(r.wallSeconds.toFixed(3)),
    })),
  });
  return runs.length > 0 && runs.every((r) => r.status === 'diverged') ? EXIT.diverged : EXIT.ok;
}
