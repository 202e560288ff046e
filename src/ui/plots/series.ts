/**
 * Reports -> chart rows. Long runs are downsampled so that a 100,000-step run stays smooth: at most
 * MAX_POINTS rows, evenly spaced, always keeping the first and the newest report.
 */
import type { Report } from '../../engine/train/report';

export const MAX_POINTS = 400;

export type Row = Record<string, number>;

export function downsample<T>(items: readonly T[], max = MAX_POINTS): T[] {
  if (items.length <= max) return items.slice();
  const out: T[] = [];
  const stride = (items.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(items[Math.round(i * stride)] as T);
  return out;
}

/** Pairs (i, j), i < j, with their display names "A–B". */
export function taskPairs(names: readonly string[]): { i: number; j: number; key: string }[] {
  const pairs = [];
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) pairs.push({ i, j, key: `${names[i]}–${names[j]}` });
  return pairs;
}

export function lossRows(reports: readonly Report[]): Row[] {
  return downsample(reports).map((r) => {
    const row: Row = { step: r.step };
    r.tasks.forEach((t) => ((row[`${t.name} train`] = t.trainLoss), (row[`${t.name} test`] = t.testLoss)));
    return row;
  });
}

export function metricRows(reports: readonly Report[]): Row[] {
  return downsample(reports).map((r) => {
    const row: Row = { step: r.step };
    r.tasks.forEach((t) => (row[t.name] = t.testMetric));
    return row;
  });
}

export function cosineRows(reports: readonly Report[], names: readonly string[]): Row[] {
  const pairs = taskPairs(names);
  return downsample(reports).map((r) => {
    const row: Row = { step: r.step };
    pairs.forEach((p) => (row[p.key] = r.gradients.cosine[p.i]?.[p.j] ?? NaN));
    return row;
  });
}

export function perTaskRows(reports: readonly Report[], pick: (r: Report) => number[]): Row[] {
  return downsample(reports).map((r) => {
    const row: Row = { step: r.step };
    pick(r).forEach((v, t) => (row[r.tasks[t]?.name ?? `task ${t + 1}`] = v));
    return row;
  });
}

/** Share of reports (after the first) in which at least one task pair conflicted. */
export function conflictShare(reports: readonly Report[]): number {
  const later = reports.slice(1);
  return later.length ? later.filter((r) => r.gradients.conflictShare > 0).length / later.length : 0;
}
