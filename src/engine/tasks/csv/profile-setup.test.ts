/**
 * Column profiles (numbers computed by hand), the suggested setup, and every setup check's one line.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from './parse';
import { profileColumns } from './profile';
import { checkSetup, detectKind, missingRowsReport, suggestSetup } from './setup';
import type { CsvSetup } from './types';

const data = parseCsvText(
  [
    'x,y,kind,const,mix,label',
    '1,10,a,5,1,0.5',
    '2,,b,5,2,1.5',
    '3,30,a,5,x,2.5',
    '4,40,c,5,4,',
    '5,50,a,5,5,4.5',
    '6,60,b,5,NA,5.5',
  ].join('\n'),
  'six.csv',
);
const profiles = profileColumns(data);
const byName = (name: string) => profiles.find((p) => p.name === name)!;

describe('profileColumns', () => {
  it('numeric columns: range, mean and population std over present cells', () => {
    const x = byName('x');
    expect(x).toMatchObject({ type: 'numeric', missing: 0, distinct: 6, min: 1, max: 6, mean: 3.5 });
    expect(x.std).toBeCloseTo(Math.sqrt(35 / 12), 12); // deviations ±0.5, ±1.5, ±2.5
    const y = byName('y');
    // 10, 30, 40, 50, 60: mean 38, squared deviations 784 + 64 + 4 + 144 + 484 = 1480, over 5.
    expect(y).toMatchObject({ type: 'numeric', missing: 1, firstMissingRow: 3, mean: 38, canRegress: true });
    expect(y.std).toBeCloseTo(Math.sqrt(296), 12);
    expect(y.firstText).toBeUndefined();
  });

  it('text, constant and numeric-with-a-stray columns', () => {
    expect(byName('kind')).toMatchObject({
      type: 'text',
      distinct: 3,
      values: ['a', 'b', 'c'],
      canClassify: true,
      canRegress: false,
    });
    expect(byName('kind').firstText).toBeUndefined();
    expect(byName('const')).toMatchObject({
      type: 'constant',
      distinct: 1,
      values: ['5'],
      canClassify: false,
      canRegress: false,
    });
    expect(byName('mix')).toMatchObject({
      type: 'text',
      missing: 1,
      firstMissingRow: 7,
      firstText: { row: 4, value: 'x' },
      distinct: 5,
    });
    expect(byName('mix').mean).toBeUndefined();
  });

  it('kinds: text and few whole numbers are classes, other numbers regression', () => {
    expect(['x', 'kind', 'label', 'y'].map((n) => detectKind(byName(n)))).toEqual([
      'classes',
      'classes',
      'regression',
      'classes',
    ]);
  });
});

describe('suggestSetup', () => {
  it('labels the class-like and last columns, inputs the other numbers; never leaves no input', () => {
    expect(suggestSetup(profiles)).toEqual({
      inputs: ['x', 'y'],
      labels: [
        { column: 'kind', kind: 'classes' },
        { column: 'mix', kind: 'classes' },
        { column: 'label', kind: 'regression' },
      ],
    });
    const penguins = parseCsvText(
      'Species,Beak,Mass,Sex\nA,1.5,3000.5,M\nB,2.5,3500.5,F\nC,3.5,4100.5,M\n',
      'p.csv',
    );
    expect(suggestSetup(profileColumns(penguins))).toEqual({
      inputs: ['Beak', 'Mass'],
      labels: [
        { column: 'Species', kind: 'classes' },
        { column: 'Sex', kind: 'classes' },
      ],
    });
  });
});

const setup = (inputs: string[], labels: [string, 'classes' | 'regression'][]): CsvSetup => ({
  inputs,
  labels: labels.map(([column, kind]) => ({ column, kind })),
});
const lines = (s: CsvSetup, missing: 'drop-rows' | 'reject' = 'drop-rows') =>
  checkSetup(data, profiles, s, missing).map((i) => `${i.path}: ${i.message}`);

describe('checkSetup', () => {
  it('accepts a good setup', () => {
    expect(
      lines(
        setup(
          ['x', 'y'],
          [
            ['kind', 'classes'],
            ['label', 'regression'],
          ],
        ),
      ),
    ).toEqual([]);
  });

  it('names unknown columns with the accepted ones, and columns in two roles or twice', () => {
    expect(
      lines(
        setup(
          ['x', 'z'],
          [
            ['x', 'classes'],
            ['kind', 'classes'],
            ['kind', 'classes'],
          ],
        ),
      ),
    ).toEqual([
      "inputs[0]: 'x' is also a label; accepted: each column as an input or a label, not both",
      "inputs[1]: no column 'z' in six.csv; accepted: 'x', 'y', 'kind', 'const', 'mix', 'label'",
      "labels[2]: 'kind' is listed twice; accepted: each label once",
    ]);
  });

  it('no inputs, no labels, more than 8 labels', () => {
    expect(lines(setup([], []))).toEqual([
      'inputs: no input columns; accepted: 1 or more numeric columns',
      'labels: 0 label columns; accepted: 1 to 8 (one task each)',
    ]);
    const nine = setup(
      ['x'],
      Array.from({ length: 9 }, () => ['kind', 'classes'] as ['kind', 'classes']),
    );
    expect(lines(nine)[0]).toBe('labels: 9 label columns; accepted: 1 to 8 (one task each)');
  });

  it('a constant column, a text input, a stray non-number, regression of text', () => {
    expect(lines(setup(['const', 'kind', 'mix'], [['label', 'regression']]))).toEqual([
      "inputs[0]: 'const' has the same value ('5') in every row: it carries no information; accepted: a column with 2 or more different values",
      "inputs[1]: 'kind' row 2 holds 'a', not a number; accepted in an input column: numbers only (use it as a classification label)",
      "inputs[2]: 'mix' row 4 holds 'x', not a number; accepted in an input column: numbers only (or an empty cell for a missing value)",
    ]);
    expect(lines(setup(['x'], [['kind', 'regression']]))).toEqual([
      "kinds[0]: 'kind' row 2 holds 'a', not a number; accepted for regression: numbers only (use it as a classification label)",
    ]);
  });

  it('classes over the limit', () => {
    const many = parseCsvText(
      `id,v\n${Array.from({ length: 101 }, (_, i) => `n${i},${i}`).join('\n')}\n`,
      'many.csv',
    );
    const issues = checkSetup(many, profileColumns(many), setup(['v'], [['id', 'classes']]), 'drop-rows');
    expect(issues.map((i) => i.message)).toEqual([
      "'id' has more than 100 different values; accepted as classes: 2 to 100 (learn a numeric column by regression instead)",
    ]);
  });

  it('missing cells: named by row with reject, counted with drop-rows', () => {
    const s = setup(['x', 'y'], [['label', 'regression']]);
    expect(lines(s, 'reject')).toEqual([
      "inputs[1]: 'y' is missing in row 3; accepted with missing 'reject': a value in every row of a chosen column (or missing 'drop-rows' to leave such rows out)",
      "labels[0]: 'label' is missing in row 5; accepted with missing 'reject': a value in every row of a chosen column (or missing 'drop-rows' to leave such rows out)",
    ]);
    expect(lines(s)).toEqual([]);
    expect(missingRowsReport(data, s, 'drop-rows')).toEqual({ kept: 4, dropped: 2, firstDroppedRow: 3 });
    expect(missingRowsReport(data, s, 'reject')).toEqual({ kept: 6, dropped: 0 });
  });

  it('a kept-class list leaves the other rows out, and refuses them under reject', () => {
    // kind: a, b, a, c, a, b (rows 2–7); x has no missing cell.
    const s: CsvSetup = { inputs: ['x'], labels: [{ column: 'kind', kind: 'classes', classes: ['a', 'b'] }] };
    expect(lines(s)).toEqual([]);
    expect(missingRowsReport(data, s, 'drop-rows')).toEqual({
      kept: 5,
      dropped: 1,
      firstDroppedRow: 5,
      droppedForClass: 1,
    });
    expect(lines(s, 'reject')).toEqual([
      "classes[0]: 'kind' row 5 holds 'c', a class not kept; accepted with missing 'reject': 'a', 'b' in every row (or missing 'drop-rows' to leave the other classes' rows out)",
    ]);
  });
});
