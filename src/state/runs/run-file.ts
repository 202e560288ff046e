/**
 * Run files: what "Export → JSON" writes and "Import…" reads. A file is `{ format: 'mtl-playground-run',
 * version: 1, run }` (a study export, `{ format: 'mtl-playground-study', version: 1, study, runs }`, brings
 * its runs). Import is validated like a URL: every field of every run is checked, the config with the
 * engine's own parseConfig, and a bad file is refused whole with ONE line naming the first bad field and what
 * it accepts; nothing stored is touched (the caller writes only what this returns).
 */
import { parseConfig } from '../../engine/config/parse';
import { ConfigError } from '../../engine/config/types';
import type { RunChange, RunRecord } from '../../engine/study/types';
import { array, isObject, number, object, oneOf, refusal, RunFileError, string } from './check';
import { report, taskReports, trainerInfo } from './report-check';
import type { StudyRecord } from './run-db';
import { checkStudy } from './study-import';

export { RunFileError } from './check';

export const RUN_FORMAT = 'mtl-playground-run';
export const STUDY_FORMAT = 'mtl-playground-study';
export const RUN_FILE_VERSION = 1;
/** A file larger than this is refused before parsing (a 100k-step run decimated to 2,000 reports is ~5 MB). */
export const MAX_FILE_CHARS = 64 * 1024 * 1024;

/**
 * The fields a run file's run may have, as keys (not string literals: 'config' is also a method id, and
 * ids stay out of src/state, catalogue-ids.test.ts); `satisfies` keeps the list in step with RunRecord.
 */
const RUN_FIELDS = Object.keys({
  id: true,
  name: true,
  config: true,
  info: true,
  history: true,
  final: true,
  status: true,
  stopReason: true,
  backend: true,
  wallSeconds: true,
  createdAt: true,
  study: true,
  changes: true,
  seedBatch: true,
} satisfies Record<keyof RunRecord, true>);

/** The exported file's text. */
export const runFile = (run: RunRecord): string =>
  JSON.stringify({ format: RUN_FORMAT, version: RUN_FILE_VERSION, run }, null, 1);

/** A run file's name: its run's name, made safe for any file system. */
export const runFileName = (run: RunRecord, extension: string): string =>
  `${
    run.name
      .replace(/[^\w.-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 80) || 'run'
  }.${extension}`;

function config(path: string, v: unknown): RunRecord['config'] {
  try {
    return parseConfig(object(path, v));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const [issue] = error.issues;
    throw new RunFileError(
      `${path}${issue?.path ? `.${issue.path}` : ''}: ${issue?.message ?? error.message}`,
    );
  }
}

function studyTag(path: string, v: unknown): NonNullable<RunRecord['study']> {
  const s = object(path, v);
  return {
    id: string(`${path}.id`, s['id'], { nonEmpty: true, max: 200 }),
    group: string(`${path}.group`, s['group'], { max: 10_000 }),
    seed: number(`${path}.seed`, s['seed'], { whole: true }),
    ...(s['baselineTask'] !== undefined
      ? { baselineTask: string(`${path}.baselineTask`, s['baselineTask'], { max: 200 }) }
      : {}),
  };
}

const change = (path: string, v: unknown): RunChange => {
  const c = object(path, v);
  return {
    step: number(`${path}.step`, c['step'], { min: 0, whole: true }),
    what: string(`${path}.what`, c['what'], { max: 500 }),
  };
};

/** Check one run (at `path`, e.g. "run") and rebuild it from its known fields. */
export function checkRun(path: string, v: unknown): RunRecord {
  const r = object(path, v);
  const unknown = Object.keys(r).find((k) => !RUN_FIELDS.includes(k));
  if (unknown !== undefined)
    throw new RunFileError(`${path}.${unknown}: unknown field; accepted: ${RUN_FIELDS.join(', ')}`);
  const history = array(`${path}.history`, r['history'], 200_000).map((h, i) =>
    report(`${path}.history[${i}]`, h),
  );
  history.forEach((h, i) => {
    const before = history[i - 1];
    if (before && h.step < before.step)
      throw refusal(`${path}.history[${i}].step`, `a step ≥ the previous report's (${before.step})`, h.step);
  });
  const final = r['final'] === null ? null : object(`${path}.final`, r['final'], 'an object or null');
  const record: RunRecord = {
    id: string(`${path}.id`, r['id'], { nonEmpty: true, max: 200 }),
    name: string(`${path}.name`, r['name'], { nonEmpty: true, max: 200 }),
    config: config(`${path}.config`, r.config),
    info: trainerInfo(`${path}.info`, r['info']),
    history,
    final: final && {
      step: number(`${path}.final.step`, final['step'], { min: 0, whole: true }),
      tasks: taskReports(`${path}.final.tasks`, final['tasks']),
    },
    status: oneOf(`${path}.status`, r['status'], ['finished', 'stopped', 'diverged', 'running'] as const),
    backend: string(`${path}.backend`, r['backend'], { max: 100 }),
    wallSeconds: number(`${path}.wallSeconds`, r['wallSeconds'], { min: 0 }),
    createdAt: number(`${path}.createdAt`, r['createdAt'], { min: 0 }),
  };
  if (r['stopReason'] !== undefined) record.stopReason = string(`${path}.stopReason`, r['stopReason']);
  if (r['study'] !== undefined) record.study = studyTag(`${path}.study`, r['study']);
  if (r['seedBatch'] !== undefined)
    record.seedBatch = number(`${path}.seedBatch`, r['seedBatch'], { min: 1, whole: true });
  if (r['changes'] !== undefined)
    record.changes = array(`${path}.changes`, r['changes']).map((c, i) => change(`${path}.changes[${i}]`, c));
  return record;
}

/** What an exported file holds: its runs, and the study they belong to for a study export. */
export interface RunFileContents {
  runs: RunRecord[];
  study: StudyRecord | null;
}

/** The runs in an exported file (its text, or the parsed JSON). Throws RunFileError (one line) if bad. */
export const parseRunFile = (raw: unknown): RunRecord[] => readRunFile(raw).runs;

/** A run or study file's contents (its text, or the parsed JSON). Throws RunFileError (one line) if bad. */
export function readRunFile(raw: unknown): RunFileContents {
  let data = raw;
  if (typeof raw === 'string') {
    if (raw.length > MAX_FILE_CHARS)
      throw refusal(
        'file',
        `at most ${MAX_FILE_CHARS / 1024 / 1024} MB`,
        raw,
        `${(raw.length / 1024 / 1024).toFixed(0)} MB`,
      );
    try {
      data = JSON.parse(raw);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new RunFileError(`file: expected JSON (an exported run or study), but it does not parse: ${why}`);
    }
  }
  if (!isObject(data)) throw refusal('file', `an object with "format": "${RUN_FORMAT}"`, data);
  const format = oneOf('format', data['format'], [RUN_FORMAT, STUDY_FORMAT]);
  if (data['version'] !== RUN_FILE_VERSION) throw refusal('version', `${RUN_FILE_VERSION}`, data['version']);
  if (format === RUN_FORMAT) return { runs: [checkRun('run', data['run'])], study: null };
  const runs = array('runs', data['runs'], 10_000).map((r, i) => checkRun(`runs[${i}]`, r));
  if (!runs.length) throw refusal('runs', 'at least one run', data['runs'], 'none');
  return { runs, study: checkStudy('study', data['study'], runs) };
}
