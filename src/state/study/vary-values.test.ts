import { describe, expect, it } from 'vitest';
import { text, textList, type ParamSpec } from '../../engine/params/spec';
import { parseValuesText, valueText, widgetOf, type Parsed } from './vary-values';
import type { VaryField } from './vary-fields';

const field = (spec: ParamSpec): VaryField => ({
  kind: 'param',
  path: 'task.params.x',
  label: 'x',
  help: '',
  group: 'Tasks',
  spec,
});

const FILE = field(text({ label: 'data file', help: '', default: '', minLength: 1, maxLength: 20 }));
const HASH = field(
  text({ label: 'hash', help: '', default: '', minLength: 0, maxLength: 16, pattern: '[0-9a-f]{16}|' }),
);
const NAMES = textList({
  label: 'inputs',
  help: '',
  default: [],
  minItemLength: 1,
  maxItemLength: 10,
  minLength: 1,
  maxLength: 3,
});
const INPUTS = field(NAMES);

const values = (parsed: Parsed) => ('values' in parsed ? parsed.values : parsed.error);

describe('vary rows over text parameters (own data)', () => {
  it('types texts separated by ";", checking length and pattern', () => {
    expect(widgetOf(FILE)).toBe('lists');
    expect(values(parseValuesText(FILE, 'a.csv; b.csv; a.csv'))).toEqual(['a.csv', 'b.csv']);
    expect(values(parseValuesText(HASH, '0123456789abcdef'))).toEqual(['0123456789abcdef']);
    expect(values(parseValuesText(HASH, 'xyz'))).toBe(
      'x: "xyz" is not accepted; expected texts of 0–16 characters, separated by ";"',
    );
  });

  it('types lists of column names: commas inside a list, ";" between lists', () => {
    expect(values(parseValuesText(INPUTS, 'bill, flipper; bill'))).toEqual([['bill', 'flipper'], ['bill']]);
    expect(values(parseValuesText(INPUTS, 'a, b, c, d'))).toMatch(
      /^x: "a, b, c, d" is not accepted; expected lists of 1–3 names/,
    );
    expect(valueText(NAMES, ['bill', 'flipper'])).toBe('bill, flipper');
  });
});
