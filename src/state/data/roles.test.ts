import { describe, expect, it } from 'vitest';
import type { ColumnProfile, CsvSetup } from '../../engine/tasks/csv/types';
import { allowedRoles, keptClasses, roleOf, setupSummary, withClassKept, withRole } from './roles';

const profile = (name: string, index: number, extra: Partial<ColumnProfile>): ColumnProfile => ({
  name,
  index,
  type: 'numeric',
  missing: 0,
  distinct: 50,
  canClassify: false,
  canRegress: true,
  ...extra,
});

const PROFILES = [
  profile('a', 0, {}),
  profile('b', 1, {}),
  profile('species', 2, {
    type: 'text',
    distinct: 3,
    values: ['x', 'y', 'z'],
    canClassify: true,
    canRegress: false,
  }),
  profile('flag', 3, { distinct: 2, values: ['0', '1'], canClassify: true }),
  profile('same', 4, { type: 'constant', distinct: 1, values: ['7'], canRegress: false }),
  profile('typo', 5, { type: 'text', firstText: { row: 9, value: 'n/a?' }, canRegress: false }),
];

describe('allowedRoles', () => {
  it('offers only what a column can be', () => {
    const roles = Object.fromEntries(PROFILES.map((p) => [p.name, allowedRoles(p)]));
    expect(roles).toEqual({
      a: ['input', 'regression', 'ignored'],
      b: ['input', 'regression', 'ignored'],
      species: ['classes', 'ignored'],
      flag: ['input', 'classes', 'regression', 'ignored'],
      same: ['ignored'],
      // Numbers with a stray text cell: offered, so the setup check can name the cell to fix.
      typo: ['input', 'regression', 'ignored'],
    });
  });
});

describe('withRole', () => {
  const setup: CsvSetup = { inputs: ['a', 'b'], labels: [{ column: 'species', kind: 'classes' }] };

  it('moves a column between inputs and labels, keeping the file order', () => {
    const next = withRole(setup, PROFILES, 'flag', 'classes');
    expect(next.labels.map((l) => l.column)).toEqual(['species', 'flag']);
    const back = withRole(withRole(next, PROFILES, 'a', 'ignored'), PROFILES, 'a', 'input');
    expect(back.inputs).toEqual(['a', 'b']);
    expect(roleOf(withRole(setup, PROFILES, 'b', 'regression'), 'b')).toBe('regression');
    expect(withRole(setup, PROFILES, 'b', 'regression').inputs).toEqual(['a']);
  });

  it('keeps a label its edited class list while its kind stays', () => {
    const edited: CsvSetup = {
      inputs: ['a'],
      labels: [{ column: 'species', kind: 'classes', classes: ['x', 'y'] }],
    };
    expect(withRole(edited, PROFILES, 'b', 'input').labels).toEqual(edited.labels);
  });

  it('counts inputs and tasks in words', () => {
    expect(setupSummary(setup)).toBe('2 inputs, 1 label (1 task)');
  });

  it('ticks and unticks kept classes in natural order; all ticked again is no list', () => {
    const species = PROFILES[2] as ColumnProfile;
    const start: CsvSetup = { inputs: ['a'], labels: [{ column: 'species', kind: 'classes' }] };
    expect(keptClasses(start, species)).toEqual(['x', 'y', 'z']);
    const noY = withClassKept(start, species, 'y', false);
    expect(noY.labels).toEqual([{ column: 'species', kind: 'classes', classes: ['x', 'z'] }]);
    const onlyZ = withClassKept(noY, species, 'x', false);
    expect(keptClasses(onlyZ, species)).toEqual(['z']);
    const back = withClassKept(withClassKept(onlyZ, species, 'y', true), species, 'x', true);
    expect(back.labels).toEqual([{ column: 'species', kind: 'classes' }]);
    expect(keptClasses(withClassKept(start, species, 'x', true), species)).toEqual(['x', 'y', 'z']);
  });
});
