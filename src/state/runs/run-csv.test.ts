import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, runCsv } from './run-csv';
import { makeRun } from './testing';

describe('run CSV', () => {
  it('writes one row per report and task with the header, and reads back with papaparse', () => {
    const run = makeRun('r1', [0, 10]);
    const text = runCsv(run);
    const lines = text.split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    // Two reports × two tasks. At step 10, task A: train loss 1/11, test metric 0.4 + 10/100; B: norm 2.
    expect(lines).toHaveLength(1 + 2 * 2);
    const rows = Papa.parse<Record<string, string>>(text, { header: true }).data;
    expect(rows.map((r) => [r['step'], r['task']])).toEqual([
      ['0', 'A'],
      ['0', 'B'],
      ['10', 'A'],
      ['10', 'B'],
    ]);
    expect(Number(rows[2]!['train_loss'])).toBeCloseTo(1 / 11, 12);
    expect(Number(rows[2]!['test_metric'])).toBeCloseTo(0.5, 12);
    expect(rows[3]).toMatchObject({ metric: 'accuracy', weight: '0.5', gradient_norm: '2' });
  });

  it('quotes task names with commas and writes non-finite numbers by name', () => {
    const run = makeRun('r2', [0]);
    run.history[0]!.tasks[0] = { ...run.history[0]!.tasks[0]!, name: 'left, "hard"', trainLoss: NaN };
    const line = runCsv(run).split('\n')[1];
    expect(line).toBe('0,"left, ""hard""",,NaN,1.1,0.5,0.4,0.5,1');
  });
});
