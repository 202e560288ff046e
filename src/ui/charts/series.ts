/** Reports -> chart rows: pure functions (no DOM), one row per report, keyed by task or task pair. */
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { columnsToRows, type Columns, type Row } from './downsample';

export interface TaskPair {
  i: number;
  j: number;
  /** "A–B" (en dash): the series key and legend label. */
  key: string;
}

/** Task names: the trainer's if known, else the latest report's. */
export function taskNames(reports: readonly Report[], info?: Pick<TrainerInfo, 'tasks'> | null): string[] {
  if (info && info.tasks.length) return info.tasks.map((t) => t.name);
  return reports.at(-1)?.tasks.map((t) => t.name) ?? [];
}

export const pairKey = (a: string, b: string): string => `${a}–${b}`;

/** Every unordered pair i < j, in row-major order. */
export function taskPairs(names: readonly string[]): TaskPair[] {
  const pairs: TaskPair[] = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++)
      pairs.push({ i, j, key: pairKey(names[i] as string, names[j] as string) });
  return pairs;
}

export const trainKey = (name: string) => `${name} train`;
export const testKey = (name: string) => `${name} test`;

/**
 * Columns of K keys over the reports: fill(report, out) writes the report's K values into `out` (pre-filled
 * with NaN: a value left unwritten, or not finite, is a gap).
 */
export function buildColumns(
  reports: readonly Report[],
  keys: string[],
  fill: (r: Report, out: Float64Array) => void,
): Columns {
  const n = reports.length;
  const values = keys.map(() => new Float64Array(n));
  const steps = new Float64Array(n);
  const scratch = new Float64Array(keys.length);
  reports.forEach((r, i) => {
    steps[i] = r.step;
    scratch.fill(Number.NaN);
    fill(r, scratch);
    for (let k = 0; k < keys.length; k++) (values[k] as Float64Array)[i] = scratch[k] as number;
  });
  return { steps, keys, values };
}

/** Per task `${name} train` and `${name} test` loss (tasks by position; names default to the reports'). */
export function lossColumns(reports: readonly Report[], names = taskNames(reports)): Columns {
  const keys = names.flatMap((n) => [trainKey(n), testKey(n)]);
  return buildColumns(reports, keys, (r, out) =>
    names.forEach((_, t) => {
      out[2 * t] = r.tasks[t]?.trainLoss ?? Number.NaN;
      out[2 * t + 1] = r.tasks[t]?.testLoss ?? Number.NaN;
    }),
  );
}

/** Per task its test metric keyed by the task's name; with `withTrain`, also `${name} train`. */
export function metricColumns(
  reports: readonly Report[],
  names = taskNames(reports),
  withTrain = false,
): Columns {
  const T = names.length;
  const keys = [...names, ...(withTrain ? names.map(trainKey) : [])];
  return buildColumns(reports, keys, (r, out) =>
    names.forEach((_, t) => {
      out[t] = r.tasks[t]?.testMetric ?? Number.NaN;
      if (withTrain) out[T + t] = r.tasks[t]?.trainMetric ?? Number.NaN;
    }),
  );
}

/** What a cosine matrix covers, for captions: a layer's own name ("layer 1", "gates") or all shared parameters. */
export const layerScope = (layer?: string | null): string => layer || 'all shared parameters';

/** The T×T cosine matrix of a report: all shared parameters, or one shared layer (undefined if absent). */
export function cosineMatrix(report: Report | undefined, layer?: string | null): number[][] | undefined {
  if (!report) return undefined;
  if (layer == null || layer === '') return report.gradients.cosine;
  return report.gradients.layers.find((l) => l.layer === layer)?.cosine;
}

/** One series per task pair "A–B": the cosine of their gradients (all shared parameters, or one layer). */
export function cosineColumns(
  reports: readonly Report[],
  names: readonly string[],
  layer?: string | null,
): Columns {
  const pairs = taskPairs(names);
  return buildColumns(
    reports,
    pairs.map((p) => p.key),
    (r, out) => {
      const m = cosineMatrix(r, layer);
      pairs.forEach((p, k) => (out[k] = m?.[p.i]?.[p.j] ?? Number.NaN));
    },
  );
}

/** A per-task vector of each report (norms, weights) keyed by task name. */
export function perTaskColumns(
  reports: readonly Report[],
  names: readonly string[],
  pick: (r: Report) => readonly number[],
): Columns {
  return buildColumns(reports, [...names], (r, out) => {
    const v = pick(r);
    names.forEach((_, t) => (out[t] = v[t] ?? Number.NaN));
  });
}

export const normColumns = (reports: readonly Report[], names: readonly string[]) =>
  perTaskColumns(reports, names, (r) => r.gradients.norms);
export const weightColumns = (reports: readonly Report[], names: readonly string[]) =>
  perTaskColumns(reports, names, (r) => r.weights);
/** Each task's recent share of the training samples (sampling strategy), NaN where a report has none. */
export const shareColumns = (reports: readonly Report[], names: readonly string[]) =>
  perTaskColumns(reports, names, (r) => r.sampling?.recent ?? []);

/** Row forms of the columns above (every report, gaps left out), for tables, tests and small runs. */
export const lossRows = (reports: readonly Report[], names?: string[]) =>
  columnsToRows(lossColumns(reports, names));
export const metricRows = (reports: readonly Report[], withTrain = false, names?: string[]) =>
  columnsToRows(metricColumns(reports, names, withTrain));
export const cosineRows = (reports: readonly Report[], names: readonly string[], layer?: string | null) =>
  columnsToRows(cosineColumns(reports, names, layer));
export const normRows = (reports: readonly Report[], names: readonly string[]) =>
  columnsToRows(normColumns(reports, names));
export const weightRows = (reports: readonly Report[], names: readonly string[]) =>
  columnsToRows(weightColumns(reports, names));

/** Whether a report's task gradients conflict: some pair's cosine (all shared parameters) is below 0. */
export function inConflict(report: Report): boolean {
  const m = report.gradients.cosine;
  if (!m.length) return report.gradients.conflictShare > 0;
  return m.some((row, i) => row.some((c, j) => j > i && c < 0));
}

/** Running share (0 to 1) of the reports so far in conflict, under the key `conflict`. */
export function conflictRows(reports: readonly Report[]): Row[] {
  let count = 0;
  return reports.map((r, k) => {
    if (inConflict(r)) count++;
    return { step: r.step, conflict: count / (k + 1) };
  });
}

/** Reports in conflict over all reports: { count, total, share } (share 0 with no reports). */
export function conflictSummary(reports: readonly Report[]): { count: number; total: number; share: number } {
  const count = reports.filter(inConflict).length;
  return { count, total: reports.length, share: reports.length ? count / reports.length : 0 };
}

/** True when every value of the given keys is > 0 (what a log scale can show); false with no values. */
export function allPositive(rows: readonly Row[], keys: readonly string[]): boolean {
  let seen = false;
  for (const row of rows)
    for (const key of keys) {
      const v = row[key];
      if (v === undefined) continue;
      if (!(v > 0)) return false;
      seen = true;
    }
  return seen;
}

/** Objective suites: each start point's θ path, trajectories[point][report] = θ. */
export function trajectories(reports: readonly Report[]): number[][][] {
  const out: number[][][] = [];
  for (const r of reports)
    r.points?.forEach((p, k) => {
      if (!p.theta.every(Number.isFinite)) return;
      (out[k] ??= []).push(p.theta.slice());
    });
  return out;
}

/** Short numbers for ticks and tooltips: 3 significant digits, exponent form when very large or small. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(1);
  return Number(v.toPrecision(3)).toString();
}
