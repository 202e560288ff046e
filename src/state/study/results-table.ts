/**
 * The study's results as the page's table shows them, built on the engine's study table (the same rows,
 * best marks and numbers as its CSV and Markdown exports): each group named for a person ("PCGrad", not
 * "method.id=pcgrad"), each metric column named by its metric ("xor: test accuracy, higher is better"),
 * and every cell as text. Plain data: the component only draws it.
 */
import { formatEstimate, studyTable, type TableColumn } from '../../engine/study/study-table';
import type { RunRecord, StudySpec, StudySummary } from '../../engine/study/types';
import { groupLabeler } from './group-label';

export interface ResultColumn {
  key: string;
  label: string;
  better: TableColumn['better'];
  /** 'metric', 'loss' or 'deltaM': the component groups and explains columns by it. */
  kind: 'metric' | 'loss' | 'deltaM';
}

export interface ResultRow {
  group: string;
  label: string;
  baseline: boolean;
  /** Column key → "0.912 ± 0.013" (or "–"). */
  cells: Record<string, string>;
  best: string[];
  withinNoise: boolean | null;
}

export interface ResultTable {
  columns: ResultColumn[];
  rows: ResultRow[];
  hasDeltaM: boolean;
  /** Whether any single-task baseline finished (they train last: a cancelled study may have none). */
  baselinesRan: boolean;
}

/** Task name → its metric's label, from the runs' trainer info. */
function metricLabels(runs: readonly RunRecord[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const run of runs) for (const t of run.info?.tasks ?? []) labels.set(t.name, t.metricLabel);
  return labels;
}

export function resultTable(spec: StudySpec, summary: StudySummary, runs: readonly RunRecord[]): ResultTable {
  const table = studyTable(summary);
  const label = groupLabeler(spec);
  const metrics = metricLabels(runs);
  const settingsOf = new Map(
    [...summary.groups, ...(summary.baselineSets ?? [])].map((g) => [g.group, g.settings] as const),
  );
  const columns = table.columns.map((c): ResultColumn => {
    const kind = c.key === 'deltaM' ? 'deltaM' : c.key.endsWith('test loss') ? 'loss' : 'metric';
    if (kind === 'deltaM') return { ...c, kind, label: 'Δm% vs single-task (lower is better)' };
    const task = c.label.slice(0, c.label.lastIndexOf(':'));
    const what = kind === 'loss' ? 'test loss' : `test ${metrics.get(task) ?? 'metric'}`;
    return { ...c, kind, label: `${task}: ${what} (${c.better} is better)` };
  });
  const rows = table.rows.map((r): ResultRow => ({
    group: r.group,
    label: label(settingsOf.get(r.group) ?? {}, r.group),
    baseline: r.kind === 'baseline',
    cells: Object.fromEntries(table.columns.map((c) => [c.key, formatEstimate(r.cells[c.key])])),
    best: r.best,
    withinNoise: r.withinNoise,
  }));
  return {
    columns,
    rows,
    hasDeltaM: columns.some((c) => c.kind === 'deltaM'),
    baselinesRan: (summary.baselineSets ?? []).some((b) => b.seeds.length > 0),
  };
}
