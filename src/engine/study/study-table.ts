/**
 * A study's results table: one row per grid point (then one per baseline set), one column per task's test
 * metric and test loss, then Δm% (lower is better) and "within noise". Cells are mean ± 95% interval over
 * seeds; the best grid point of each column is marked (the baselines are the reference, not candidates).
 * As rows for the app, CSV (papaparse) with mean, interval and seed count in columns of their own, and
 * Markdown for a paper or an issue.
 */
import Papa from 'papaparse';
import type { Estimate, StudySummary } from './types';

export const DELTA_M_LABEL = 'Δm% (lower is better)';

export interface TableColumn {
  key: string;
  label: string;
  /** Which way is better; the best grid point of the column is marked. */
  better: 'lower' | 'higher';
}

export interface TableRow {
  group: string;
  kind: 'group' | 'baseline';
  /** Column key → estimate (absent where the row has no such number). */
  cells: Record<string, Estimate>;
  /** Column keys where this row is the best grid point (ties all marked). */
  best: string[];
  withinNoise: boolean | null;
}

export interface StudyTable {
  columns: TableColumn[];
  rows: TableRow[];
}

const metricKey = (task: string) => `${task} · test metric`;
const lossKey = (task: string) => `${task} · test loss`;

export function studyTable(summary: StudySummary): StudyTable {
  const columns: TableColumn[] = [];
  const seen = new Set<string>();
  for (const entry of [...summary.groups, ...(summary.baselineSets ?? [])])
    for (const task of entry.tasks) {
      if (seen.has(task.name)) continue;
      seen.add(task.name);
      columns.push({
        key: metricKey(task.name),
        label: `${task.name}: test metric`,
        better: task.higherIsBetter === false ? 'lower' : 'higher',
      });
      columns.push({ key: lossKey(task.name), label: `${task.name}: test loss`, better: 'lower' });
    }
  const hasDelta = summary.groups.some((g) => g.deltaM !== null);
  if (hasDelta) columns.push({ key: 'deltaM', label: DELTA_M_LABEL, better: 'lower' });
  const cellsOf = (tasks: StudySummary['groups'][number]['tasks']) =>
    Object.fromEntries(
      tasks.flatMap((t) => [
        [metricKey(t.name), t.metric],
        [lossKey(t.name), t.loss],
      ]),
    );
  const rows: TableRow[] = [
    ...summary.groups.map((g): TableRow => ({
      group: g.group,
      kind: 'group',
      cells: { ...cellsOf(g.tasks), ...(g.deltaM ? { deltaM: g.deltaM } : {}) },
      best: [],
      withinNoise: g.withinNoise,
    })),
    ...(summary.baselineSets ?? []).map((b): TableRow => ({
      group: b.group,
      kind: 'baseline',
      cells: cellsOf(b.tasks),
      best: [],
      withinNoise: null,
    })),
  ];
  for (const column of columns) {
    const candidates = rows.filter((r) => r.kind === 'group' && Number.isFinite(r.cells[column.key]?.mean));
    const means = candidates.map((r) => (r.cells[column.key] as Estimate).mean);
    if (!means.length) continue;
    const target = column.better === 'lower' ? Math.min(...means) : Math.max(...means);
    candidates.forEach((r, i) => {
      if (means[i] === target) r.best.push(column.key);
    });
  }
  return { columns, rows };
}

/** A number for a table: 4 significant digits, no trailing zeros; "–" for a missing one. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return String(Number(value.toPrecision(4)));
}

/** Decimal places that keep two significant digits of `x` (negative: round to tens, hundreds...). */
function decimalsForTwoDigits(x: number): number {
  return 1 - Math.floor(Math.log10(Math.abs(x)));
}

/** `x` rounded to `decimals` places (negative: to tens, hundreds...), as text with no exponent. */
function fixedText(x: number, decimals: number): string {
  if (decimals >= 0) return x.toFixed(Math.min(decimals, 20));
  const unit = 10 ** -decimals;
  return String(Math.round(x / unit) * unit);
}

/**
 * "0.951 ± 0.012": the interval to two significant digits and the mean to the same decimal place, the
 * usual way to write a measurement (digits past the interval's are noise, and a column of "0.987 ±
 * 0.01135" and "0.4722 ± 1.104" reads as more precise than it is). A zero or missing interval keeps the
 * mean's 4 significant digits; one seed has no interval: "0.9512 (1 seed)".
 */
export function formatEstimate(e: Estimate | undefined): string {
  if (!e || e.n === 0) return '–';
  if (e.n === 1) return `${formatNumber(e.mean)} (1 seed)`;
  if (!Number.isFinite(e.mean)) return '–';
  if (!Number.isFinite(e.ci95) || e.ci95 === 0) return `${formatNumber(e.mean)} ± ${formatNumber(e.ci95)}`;
  const decimals = decimalsForTwoDigits(e.ci95);
  // Rounding can carry into a third digit (0.0996 → 0.10): then the interval keeps one decimal fewer.
  const ci = Number(e.ci95.toPrecision(2));
  const places = decimalsForTwoDigits(ci) < decimals ? decimals - 1 : decimals;
  const mean = fixedText(e.mean, places);
  // A mean that rounds to zero reads "0.000", not "-0.000".
  return `${/^-0(\.0*)?$/.test(mean) ? mean.slice(1) : mean} ± ${fixedText(ci, places)}`;
}

const noiseText = (row: TableRow): string =>
  row.kind === 'baseline' ? 'baseline' : row.withinNoise === null ? '' : row.withinNoise ? 'yes' : 'no';

/** CSV: group, kind, then mean / ci95 / n for every column, then within noise. */
export function studyTableCsv(table: StudyTable): string {
  const fields = [
    'group',
    'kind',
    ...table.columns.flatMap((c) => [`${c.label} mean`, `${c.label} ci95`, `${c.label} n`]),
    'within noise of the first group',
  ];
  const data = table.rows.map((row) => [
    row.group,
    row.kind,
    ...table.columns.flatMap((c) => {
      const e = row.cells[c.key];
      return e && e.n > 0 ? [e.mean, e.ci95, e.n] : ['', '', 0];
    }),
    noiseText(row),
  ]);
  return Papa.unparse({ fields, data });
}

/** Markdown: mean ± ci95 per cell, the best grid point of each column in bold. */
export function studyTableMarkdown(table: StudyTable): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  // Δm%'s label already says its direction; every other column says it in the header.
  const label = (c: TableColumn) => (c.key === 'deltaM' ? c.label : `${c.label} (${c.better} is better)`);
  const header = ['group', ...table.columns.map(label), 'within noise'];
  const lines = [
    `| ${header.map(escape).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => {
      const cells = table.columns.map((c) => {
        const text = formatEstimate(row.cells[c.key]);
        return row.best.includes(c.key) ? `**${text}**` : text;
      });
      return `| ${[row.group, ...cells, noiseText(row)].map(escape).join(' | ')} |`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
