/**
 * A run as CSV: one row per report × task, the columns a spreadsheet or pandas wants (step, task, the task's
 * train/test loss and metric, the weight the method gave it, its gradient norm). Written with papaparse's
 * `unparse`, which quotes task names that hold commas or quotes. Non-finite numbers (a diverged run) are
 * written as NaN/Infinity, which pandas reads back.
 */
import Papa from 'papaparse';
import type { RunRecord } from '../../engine/study/types';

export const CSV_COLUMNS = [
  'step',
  'task',
  'metric',
  'train_loss',
  'test_loss',
  'train_metric',
  'test_metric',
  'weight',
  'gradient_norm',
] as const;

const cell = (v: number | undefined): number | string =>
  v === undefined ? '' : Number.isFinite(v) ? v : String(v);

export function runCsvRows(run: RunRecord): (string | number)[][] {
  const labels = new Map(run.info?.tasks.map((t) => [t.name, t.metricLabel]) ?? []);
  return run.history.flatMap((report) =>
    report.tasks.map((task, t) => [
      report.step,
      task.name,
      labels.get(task.name) ?? '',
      cell(task.trainLoss),
      cell(task.testLoss),
      cell(task.trainMetric),
      cell(task.testMetric),
      cell(report.weights[t]),
      cell(report.gradients.norms[t]),
    ]),
  );
}

export const runCsv = (run: RunRecord): string =>
  Papa.unparse({ fields: [...CSV_COLUMNS], data: runCsvRows(run) }, { newline: '\n' });
