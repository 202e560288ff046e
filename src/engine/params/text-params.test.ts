/** The `text` and `text-list` parameter kinds: validation messages, what is accepted, narrowing. */
import { describe, expect, it } from 'vitest';
import { specAccepted } from './accepted';
import { narrowParams } from './narrow';
import { defaultParams, text, textList, type AnyParams } from './spec';
import { validateParams } from './validate';

const specs = {
  file: text({ label: 'file', help: '', default: 'a.csv', minLength: 1, maxLength: 10 }),
  hash: text({
    label: 'hash',
    help: '',
    default: '',
    minLength: 0,
    maxLength: 4,
    pattern: '[0-9a-f]{4}|',
    patternHelp: '4 hex digits, or empty',
  }),
  columns: textList({
    label: 'columns',
    help: '',
    default: ['x'],
    minItemLength: 1,
    maxItemLength: 3,
    minLength: 1,
    maxLength: 2,
  }),
};

const messages = (raw: unknown) => {
  const result = validateParams(specs, raw, 'task.params');
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message} | ${i.accepted}`);
};

describe('text parameters', () => {
  it('say what they accept', () => {
    expect(specAccepted(specs.file)).toBe('a text of 1 to 10 characters');
    expect(specAccepted(specs.hash)).toBe('a text of 0 to 4 characters (4 hex digits, or empty)');
    expect(specAccepted(specs.columns)).toBe('a list of 1 to 2 texts of 1 to 3 characters');
  });

  it('accept valid values and fill defaults', () => {
    const result = validateParams(specs, { hash: 'beef', columns: ['a', 'bcd'] }, 'p');
    expect(result).toEqual({ ok: true, value: { file: 'a.csv', hash: 'beef', columns: ['a', 'bcd'] } });
    expect(validateParams(specs, { hash: '' }, 'p').ok).toBe(true);
  });

  it('refuse a wrong value with one line naming the field and what is accepted', () => {
    expect(messages({ file: '' })).toEqual([
      'task.params.file: expected a text of 1 to 10 characters, got "" | a text of 1 to 10 characters',
    ]);
    expect(messages({ file: 3 })).toEqual([
      'task.params.file: expected a text of 1 to 10 characters, got 3 | a text of 1 to 10 characters',
    ]);
    expect(messages({ hash: 'BEEF' })).toEqual([
      'task.params.hash: expected a text of 0 to 4 characters (4 hex digits, or empty), got "BEEF" | a text of 0 to 4 characters (4 hex digits, or empty)',
    ]);
    expect(messages({ columns: [] })).toEqual([
      'task.params.columns: expected a list of 1 to 2 texts of 1 to 3 characters, got 0 items | a list of 1 to 2 texts of 1 to 3 characters',
    ]);
    expect(messages({ columns: ['a', 'long'] })).toEqual([
      'task.params.columns[1]: expected a text of 1 to 3 characters, got "long" | a text of 1 to 3 characters',
    ]);
  });

  it('narrow to strings, and name a value of the wrong kind', () => {
    const values = defaultParams(specs);
    const typed = narrowParams(specs, values);
    const file: string = typed.file;
    const columns: string[] = typed.columns;
    expect([file, columns]).toEqual(['a.csv', ['x']]);
    const bypassed = (over: Record<string, unknown>) => ({ ...values, ...over }) as unknown as AnyParams;
    expect(() => narrowParams(specs, bypassed({ columns: ['a', 1] }))).toThrow(/parameter columns /);
    expect(() => narrowParams(specs, bypassed({ file: ['a'] }))).toThrow(/parameter file /);
  });
});
