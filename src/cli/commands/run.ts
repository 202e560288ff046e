/**
 * `cli run CONFIG.json [--set path=value ...]`: train headlessly and print one JSON document: the resolved
 * config, trainer facts, the final per-task losses and metrics, and the history of reports (for the toy
 * each report holds every start point's θ, so the history is the trajectory).
 */
import { applyOverride } from '../../engine/config/overrides';
import { parseConfig } from '../../engine/config/parse';
import { describeValue } from '../../engine/params/describe';
import { TrainingDivergedError } from '../../engine/train/errors';
import type { Report } from '../../engine/train/report';
import { createTrainer } from '../../engine/train/trainer';
import { EXIT, UserError } from '../errors';
import { type CliIo, readJsonFile, shownPath, writeJson } from '../io';
import { withCsvBase } from '../csv-base';
import { ProgressBar } from '../progress';

/** The report fields of the optional config sections (engine/config/sections.ts). */
const SECTION_REPORTS = ['communication', 'embeddingCache', 'meta', 'merging'] as const;

export async function runCommand(positionals: string[], sets: string[], io: CliIo): Promise<number> {
  const [path, ...extra] = positionals;
  if (!path) throw new UserError('run: expected a config file, e.g. `run public/presets/toy.json`');
  if (extra.length)
    throw new UserError(`run: expected one config file, got also ${describeValue(extra.join(' '))}`);
  let raw = readJsonFile(path);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UserError(
      `${shownPath(path)}: expected a JSON object with the experiment config, got ${describeValue(raw)}`,
    );
  }
  for (const set of sets) raw = applyOverride(raw as Record<string, unknown>, set);
  return withCsvBase(path, raw, () => train(raw, io));
}

async function train(raw: unknown, io: CliIo): Promise<number> {
  const config = parseConfig(raw);

  const trainer = createTrainer(config);
  const history: Report[] = [];
  const bar = new ProgressBar(config.steps, io.err);
  let stopped: { reason: string; step: number; task: string | null; method: string | null } | undefined;
  try {
    history.push(await trainer.report());
    while (trainer.stepCount < config.steps) {
      const chunk = Math.min(config.reportEvery, config.steps - trainer.stepCount);
      await trainer.step(chunk);
      const report = await trainer.report();
      history.push(report);
      bar.update(
        trainer.stepCount,
        report.tasks.map((t) => `${t.name} ${t.trainLoss.toPrecision(3)}`).join(' '),
      );
    }
  } catch (error) {
    if (!(error instanceof TrainingDivergedError)) throw error;
    stopped = { reason: error.message, step: error.step, task: error.task, method: error.method };
    io.err.write(`\n${error.message}\n`);
  }
  const seconds = bar.elapsedSeconds;
  const steps = trainer.stepCount;
  const info = trainer.info;
  trainer.dispose();
  const last = history[history.length - 1];
  await writeJson(io, {
    config,
    info,
    final: last
      ? {
          step: last.step,
          tasks: last.tasks,
          ...(last.points ? { points: last.points } : {}),
          // What an optional section measured (bytes sent, cache hits, adaptation, merged vs joint).
          ...Object.fromEntries(SECTION_REPORTS.filter((k) => last[k]).map((k) => [k, last[k]])),
        }
      : null,
    history,
    timing: { seconds: Number(seconds.toFixed(3)), stepsPerSecond: Number((steps / seconds).toFixed(1)) },
    ...(stopped ? { stopped } : {}),
  });
  return stopped ? EXIT.diverged : EXIT.ok;
}
