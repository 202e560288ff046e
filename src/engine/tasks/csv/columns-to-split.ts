/**
 * A checked setup of a parsed file into a data suite instance: the kept rows shuffled by the seed and cut
 * into train and test, inputs (and regression targets) standardised with the TRAIN rows' mean and std only,
 * so that nothing about the test rows leaks into training (the same rule as tasks/data.ts).
 *
 * Every row is labelled for every task ('shared' inputs). All tasks have one output count, the largest
 * class count (1 when every label is regression), because heads stack into [T, ...]:
 * - a classification task with fewer classes than that simply never targets the extra logits (softmax-ce
 *   learns to keep them low; accuracy is over the argmax, which then never picks them);
 * - a regression task writes its scalar target into every output: each output is an independent read-out
 *   of the same standardised target, and the mse loss, their mean, stays in the same units as with one.
 */
import type { Rng } from '../../random/rng';
import type { DataSuiteInstance, TaskInfo } from '../types';
import { naturalOrder } from './class-lists';
import { cellNumber } from './profile';
import { classFilters, keptRows, type MissingPolicy } from './setup';
import type { CsvData, CsvSetup } from './types';

export interface SplitOptions {
  testShare: number;
  missing: MissingPolicy;
  standardize: boolean;
}

// Class order lives with the kept-class lists; re-exported here, where the classes are numbered.
export { naturalOrder } from './class-lists';

/** Mean and population std of `values` at `rows`; a std of 0 reads as 1 (a column that does not vary). */
function stats(values: Float64Array, rows: readonly number[]): { mean: number; std: number } {
  let sum = 0;
  for (const r of rows) sum += values[r] as number;
  const mean = sum / rows.length;
  let sq = 0;
  for (const r of rows) sq += ((values[r] as number) - mean) ** 2;
  return { mean, std: Math.sqrt(sq / rows.length) || 1 };
}

export function columnsToSplit(
  data: CsvData,
  setup: CsvSetup,
  options: SplitOptions,
  rng: Rng,
): DataSuiteInstance {
  const col = (name: string) => data.cells[data.columns.indexOf(name)] as string[];
  const chosen = [...setup.inputs, ...setup.labels.map((l) => l.column)];
  const { rows: kept } = keptRows(data, chosen, options.missing, classFilters(setup));
  const n = kept.length;
  const order = rng.fork('split').permutation(n);
  const testCount = Math.min(n - 1, Math.max(1, Math.round(options.testShare * n)));
  // Position i of the shuffled rows: test first, then train.
  const rows = Array.from(order, (k) => kept[k] as number);
  const testRows = rows.slice(0, testCount);
  const trainRows = rows.slice(testCount);

  const numeric = (name: string): Float64Array => {
    const cells = col(name);
    const out = new Float64Array(data.rowCount);
    for (const r of kept) out[r] = cellNumber(cells[r] as string);
    return out;
  };

  const D = setup.inputs.length;
  const inputs = setup.inputs.map((name) => {
    const values = numeric(name);
    const scale = options.standardize ? stats(values, trainRows) : { mean: 0, std: 1 };
    return { values, ...scale };
  });

  const labels = setup.labels.map((label) => {
    if (label.kind === 'classes') {
      const cells = col(label.column);
      // The kept rows hold only kept classes (keptRows), so a kept list narrows the classes too.
      const present = new Set(kept.map((r) => (cells[r] as string).trim()));
      const classes = naturalOrder([...present]);
      const index = new Map(classes.map((c, i) => [c, i]));
      return {
        kind: 'classes' as const,
        classes,
        classOf: (r: number) => index.get((cells[r] as string).trim()) ?? 0,
      };
    }
    const values = numeric(label.column);
    const scale = options.standardize ? stats(values, trainRows) : { mean: 0, std: 1 };
    return { kind: 'regression' as const, values, ...scale };
  });

  const T = labels.length;
  const O = Math.max(1, ...labels.map((l) => (l.kind === 'classes' ? l.classes.length : 1)));
  const split = (which: readonly number[]) => {
    const x = new Float32Array(which.length * D);
    const y = new Float32Array(which.length * T * O);
    which.forEach((r, s) => {
      inputs.forEach((inp, d) => (x[s * D + d] = ((inp.values[r] as number) - inp.mean) / inp.std));
      labels.forEach((label, t) => {
        const at = (s * T + t) * O;
        if (label.kind === 'classes') y[at + label.classOf(r)] = 1;
        else y.fill(((label.values[r] as number) - label.mean) / label.std, at, at + O);
      });
    });
    return { mode: 'shared' as const, count: which.length, x, y };
  };

  const tasks: TaskInfo[] = setup.labels.map((label, t) => {
    const l = labels[t] as (typeof labels)[number];
    if (l.kind === 'classes')
      return {
        name: label.column,
        loss: 'softmax-ce',
        metric: 'accuracy',
        classes: l.classes.length,
        classNames: l.classes,
      };
    return {
      name: label.column,
      loss: 'mse',
      metric: 'r2',
      ...(options.standardize && { targetScale: { mean: l.mean, std: l.std } }),
    };
  });

  const inputBounds = inputs.map((inp): [number, number] => {
    let [lo, hi] = [Infinity, -Infinity];
    for (const r of kept) {
      const v = ((inp.values[r] as number) - inp.mean) / inp.std;
      [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    }
    return [lo, hi];
  });

  return {
    kind: 'data',
    tasks,
    inputDim: D,
    outputDim: O,
    train: split(trainRows),
    test: split(testRows),
    inputBounds,
  };
}
