import { describe, expect, it } from 'vitest';
import { describeValue, oneLine, pathSegment, quoteKey, quoteKeys } from './describe';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe('describeValue', () => {
  it('shows small JSON values as JSON', () => {
    expect(describeValue('one')).toBe('"one"');
    expect(describeValue([1, 2])).toBe('[1,2]');
    expect(describeValue({ a: [true, null] })).toBe('{"a":[true,null]}');
  });

  it('names non-finite numbers instead of showing null', () => {
    expect([NaN, Infinity, -Infinity, -0].map((v) => describeValue(v))).toEqual([
      'NaN',
      'Infinity',
      '-Infinity',
      '-0',
    ]);
  });

  it('cuts long values with an ellipsis, within the limit, without reading all of them', () => {
    const text = describeValue('x'.repeat(200_000));
    expect(text).toHaveLength(40);
    expect(text.endsWith('…')).toBe(true);
    expect(
      describeValue(
        Array.from({ length: 1e5 }, (_, i) => i),
        20,
      ),
    ).toBe('[0,1,2,3,4,5,6,7,8,…');
    expect(describeValue('x'.repeat(38))).toBe(`"${'x'.repeat(38)}"`); // exactly 40 fits
  });

  it('shows deep nesting and cycles in bounded space', () => {
    expect(describeValue(nested(100_000))).toBe('[[[[…]]]]');
    const cyclic: Record<string, unknown> = { id: 'ew' };
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('{"id":"ew","self":[circular]}');
  });

  it('escapes line breaks and other control characters, in values and keys', () => {
    const text = describeValue({ 'a\nb': 'c\rd\u2028e\u0000\u001b[31m\u202e' }, 200);
    expect(text).toBe('{"a\\nb":"c\\rd\\u2028e\\u0000\\u001b[31m\\u202e"}');
    expect(describeValue('\ud800')).toBe('"\\ud800"');
    expect(describeValue('😀')).toBe('"😀"');
  });

  it('handles what JSON cannot hold, and never throws', () => {
    expect(describeValue(10n)).toBe('10n');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
    expect(describeValue(new Date(0))).toBe('[object Date]');
    expect(describeValue(JSON.parse('{"__proto__": 1}'))).toBe('{"__proto__":1}');
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    expect(describeValue(hostile)).toBe('a value that cannot be shown');
  });
});

describe('keys and paths', () => {
  it('quotes keys on one line, and lists a few of many', () => {
    expect(quoteKey('stepz')).toBe("'stepz'");
    expect(quoteKey('a\nb')).toBe("'a\\nb'");
    expect(quoteKey('k'.repeat(100_000))).toHaveLength(40);
    expect(quoteKeys(['a', 'b', 'c', 'd', 'e'])).toBe("'a', 'b', 'c' and 2 more");
  });

  it('keeps plain path segments, quotes odd ones, brackets indices', () => {
    expect([pathSegment('steps'), pathSegment('a.b'), pathSegment(2)]).toEqual(['steps', '"a.b"', '[2]']);
    expect(oneLine('C:\\presets\\toy\n.json')).toBe('C:\\presets\\toy\\n.json');
  });
});
