/** Small pure helpers of the charts: task names and pairs, series keys, the cosine matrix, number format. */
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
export function taskNames(latest: Report | undefined, info?: Pick<TrainerInfo, 'tasks'> | null): string[] {
  if (info && info.tasks.length) return info.tasks.map((t) => t.name);
  return latest?.tasks.map((t) => t.name) ?? [];
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

/** What a cosine matrix covers, for captions: a layer's own name ("layer 1", "gates") or all shared parameters. */
export const layerScope = (layer?: string | null): string => layer || 'all shared parameters';

/** The T×T cosine matrix of a report: all shared parameters, or one shared layer (undefined if absent). */
export function cosineMatrix(report: Report | undefined, layer?: string | null): number[][] | undefined {
  if (!report) return undefined;
  if (layer == null || layer === '') return report.gradients.cosine;
  return report.gradients.layers.find((l) => l.layer === layer)?.cosine;
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

/** A share as a percentage tick: 0.85 -> "85%", 0.125 -> "12.5%". */
export function formatPercent(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return `${Number((v * 100).toPrecision(3))}%`;
}

/** Short numbers for ticks and tooltips: 3 significant digits, exponent form when very large or small. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(1);
  return Number(v.toPrecision(3)).toString();
}
