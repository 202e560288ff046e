/** Reports -> chart rows: pure functions (no DOM), one row per report, keyed by task or task pair. */
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import type { Row } from './downsample';

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

/** Sets row[key] only for finite numbers, so that NaN / Infinity / missing values become gaps. */
function put(row: Row, key: string, value: number | undefined): void {
  if (value !== undefined && Number.isFinite(value)) row[key] = value;
}

export const trainKey = (name: string) => `${name} train`;
export const testKey = (name: string) => `${name} test`;

/** Per task `${name} train` and `${name} test` loss. */
export function lossRows(reports: readonly Report[]): Row[] {
  return reports.map((r) => {
    const row: Row = { step: r.step };
    for (const t of r.tasks) {
      put(row, trainKey(t.name), t.trainLoss);
      put(row, testKey(t.name), t.testLoss);
    }
    return row;
  });
}

/** Per task its test metric under the task's name; with `withTrain`, also `${name} train`. */
export function metricRows(reports: readonly Report[], withTrain = false): Row[] {
  return reports.map((r) => {
    const row: Row = { step: r.step };
    for (const t of r.tasks) {
      put(row, t.name, t.testMetric);
      if (withTrain) put(row, trainKey(t.name), t.trainMetric);
    }
    return row;
  });
}

/** The T×T cosine matrix of a report: all shared parameters, or one shared layer (undefined if absent). */
export function cosineMatrix(report: Report | undefined, layer?: string | null): number[][] | undefined {
  if (!report) return undefined;
  if (layer == null || layer === '') return report.gradients.cosine;
  return report.gradients.layers.find((l) => l.layer === layer)?.cosine;
}

/** One series per task pair "A–B": the cosine of their gradients (all shared parameters, or one layer). */
export function cosineRows(
  reports: readonly Report[],
  names: readonly string[],
  layer?: string | null,
): Row[] {
  const pairs = taskPairs(names);
  return reports.map((r) => {
    const row: Row = { step: r.step };
    const m = cosineMatrix(r, layer);
    for (const p of pairs) put(row, p.key, m?.[p.i]?.[p.j]);
    return row;
  });
}

/** A per-task vector of each report (norms, weights) as rows keyed by task name. */
export function perTaskRows(
  reports: readonly Report[],
  names: readonly string[],
  pick: (r: Report) => readonly number[],
): Row[] {
  return reports.map((r) => {
    const row: Row = { step: r.step };
    const v = pick(r);
    names.forEach((name, t) => put(row, name, v[t]));
    return row;
  });
}

export const normRows = (reports: readonly Report[], names: readonly string[]) =>
  perTaskRows(reports, names, (r) => r.gradients.norms);
export const weightRows = (reports: readonly Report[], names: readonly string[]) =>
  perTaskRows(reports, names, (r) => r.weights);

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
