/**
 * Kept classes (`task.params.classes`) on an 8-row file, counted by hand: which rows are kept and why the
 * others are left out, the one-hot targets, classNames and outputDim, and every `classes[i]` line.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/types';
import { defaultParams, type AnyParams } from '../../params/spec';
import { Rng } from '../../random/rng';
import type { DataSuiteInstance, TaskSplit } from '../types';
import { classEntry, parseClassEntry } from './class-lists';
import { parseCsvText } from './parse';
import { provideCsvData } from './provide';
import { missingRowsReport } from './setup';
import { csvSuite, setupOf } from './suite';

// Data rows 0..7 are spreadsheet rows 2..9. Species B sits in rows 3 and 6; row 9 has no species.
const eight = parseCsvText(
  [
    'x,sp,reg',
    '1,A,10.5',
    '2,B,20.5',
    '3,C,30.5',
    '4,A,',
    '5,B,50.5',
    '6,C,60.5',
    '7,A,70.5',
    '8,NA,80.5',
  ].join('\n'),
  'eight.csv',
);
provideCsvData(eight, 'data/eight.csv');
afterAll(() => provideCsvData(null));

const params = (over: AnyParams = {}): AnyParams => ({
  ...defaultParams(csvSuite.params),
  file: 'data/eight.csv',
  inputs: ['x'],
  labels: ['sp'],
  testShare: 0.25,
  standardize: false,
  ...over,
});
const setupFor = (over: AnyParams) => setupOf(params(over) as Parameters<typeof setupOf>[0], eight);
const build = (over: AnyParams = {}) => csvSuite.build(params(over), new Rng(1)) as DataSuiteInstance;
const shared = (split: TaskSplit) => {
  if (split.mode !== 'shared') throw new Error('expected shared inputs');
  return split;
};
const lines = (over: AnyParams) =>
  (csvSuite.check?.(params(over)) ?? []).map((i) => `${i.path}: ${i.message}`);

describe('parseClassEntry / classEntry', () => {
  it('splits on "|", trims, and reads an empty entry as every class', () => {
    expect(parseClassEntry(' Adelie | Gentoo ')).toEqual(['Adelie', 'Gentoo']);
    expect(parseClassEntry('A||C|')).toEqual(['A', 'C']);
    expect(parseClassEntry('')).toBeUndefined();
    expect(parseClassEntry(undefined)).toBeUndefined();
    expect(parseClassEntry('|')).toEqual([]);
    expect(classEntry(['A', 'C'])).toBe('A|C');
    expect(classEntry(undefined)).toBe('');
  });
});

describe('kept classes', () => {
  it('leaves out the rows of other classes, counted as dropped with their reason', () => {
    const setup = setupFor({ classes: ['A|C'] });
    expect(setup.labels).toEqual([{ column: 'sp', kind: 'classes', classes: ['A', 'C'] }]);
    // Rows 3 and 6 (B) for their class, row 9 for its missing species: 5 kept.
    expect(missingRowsReport(eight, setup, 'drop-rows')).toEqual({
      kept: 5,
      dropped: 3,
      firstDroppedRow: 3,
      droppedForClass: 2,
    });
    // With reg chosen too, row 5 (no reg) goes for a missing cell: 4 kept.
    const both = setupFor({ labels: ['sp', 'reg'], classes: ['A|C'] });
    expect(missingRowsReport(eight, both, 'drop-rows')).toEqual({
      kept: 4,
      dropped: 4,
      firstDroppedRow: 3,
      droppedForClass: 2,
    });
  });

  it('builds one-hot targets over the kept classes only, in natural order', () => {
    const inst = build({ classes: ['C|A'] });
    // 5 kept rows: round(0.25 · 5) = 1 test row, 4 train rows.
    expect([shared(inst.train).count, shared(inst.test).count]).toEqual([4, 1]);
    expect(inst.outputDim).toBe(2);
    expect(inst.tasks[0]).toMatchObject({ classes: 2, classNames: ['A', 'C'] });
    const classOfX = new Map([
      [1, [1, 0]],
      [3, [0, 1]],
      [4, [1, 0]],
      [6, [0, 1]],
      [7, [1, 0]],
    ]);
    const seen: number[] = [];
    for (const split of [inst.train, inst.test].map(shared))
      for (let s = 0; s < split.count; s++) {
        const x = split.x[s] as number;
        seen.push(x);
        expect(Array.from(split.y.subarray(s * 2, s * 2 + 2))).toEqual(classOfX.get(x));
      }
    expect(seen.sort()).toEqual([1, 3, 4, 6, 7]);
  });

  it('an empty entry keeps every class; outputs follow the largest kept count', () => {
    const all = build({ classes: [''] });
    expect(all.outputDim).toBe(3);
    expect(all.tasks[0]).toMatchObject({ classNames: ['A', 'B', 'C'] });
    expect(shared(all.train).count + shared(all.test).count).toBe(7); // only row 9 (NA) is left out
    const withReg = build({ labels: ['sp', 'reg'], classes: ['A|B', ''] });
    expect(withReg.outputDim).toBe(2);
    expect(withReg.tasks.map((t) => t.classNames)).toEqual([['A', 'B'], undefined]);
  });

  it('names classes[i] and what is accepted for each bad entry', () => {
    expect(lines({ labels: ['sp', 'reg'], classes: ['', 'A|B'] })).toEqual([
      "classes[1]: 'reg' is learned by regression: it has no classes to keep; accepted: an empty entry for a regression label",
    ]);
    expect(lines({ classes: ['A'] })).toEqual([
      "classes[0]: 'sp' keeps 1 class ('A'): there is nothing to tell apart; accepted: 2 or more of 'A', 'B', 'C'",
    ]);
    expect(lines({ classes: ['|'] })).toEqual([
      "classes[0]: 'sp' keeps no class: there is nothing to tell apart; accepted: 2 or more of 'A', 'B', 'C'",
    ]);
    expect(lines({ classes: ['A|D'] })).toEqual([
      `classes[0]: 'sp' has no value 'D'; accepted: classes separated by "|" among 'A', 'B', 'C'`,
    ]);
    expect(lines({ classes: ['A|B|A'] })).toEqual([
      "classes[0]: 'A' is listed twice for 'sp'; accepted: each class once",
    ]);
    const [tooMany] = csvSuite.check?.(params({ labels: ['sp', 'reg'], classes: ['A|B', '', ''] })) ?? [];
    expect(tooMany).toEqual({
      path: 'classes',
      message:
        'expected at most 2 class lists (one per label column), got 3; accepted: at most 2 entries, one per label column (an empty entry: every class)',
      accepted: 'at most 2 entries, one per label column (an empty entry: every class)',
    });
    expect(csvSuite.check?.(params({ classes: ['A|C'] }))?.[0]?.accepted).toBeUndefined();
  });

  it("under missing 'reject' refuses a row of another class, naming row, column and kept classes", () => {
    const reject = { inputs: ['x'], labels: ['sp'], classes: ['A|C'], missing: 'reject' };
    expect(lines(reject)).toEqual([
      "classes[0]: 'sp' row 3 holds 'B', a class not kept; accepted with missing 'reject': 'A', 'C' in every row (or missing 'drop-rows' to leave the other classes' rows out)",
      "labels[0]: 'sp' is missing in row 9; accepted with missing 'reject': a value in every row of a chosen column (or missing 'drop-rows' to leave such rows out)",
    ]);
    expect(() => build(reject)).toThrow(ConfigError);
    expect(() => build(reject)).toThrow("task.params.classes[0]: 'sp' row 3 holds 'B', a class not kept");
  });
});
