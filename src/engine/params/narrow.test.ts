import { describe, expect, it } from 'vitest';
import { narrowParams } from './narrow';
import { bool, choice, defaultParams, num, numList, pointList } from './spec';

const specs = {
  lr: num({ label: 'lr', help: '', default: 0.1, min: 0, max: 1 }),
  mode: choice({ label: 'mode', help: '', default: 'a', options: ['a', 'b'] }),
  on: bool({ label: 'on', help: '', default: true }),
  widths: numList({ label: 'w', help: '', default: [1, 2], min: 1, max: 9, minLength: 0, maxLength: 4 }),
  starts: pointList({ label: 's', help: '', default: [[0, 1]], min: -9, max: 9, minLength: 1, maxLength: 4 }),
};

describe('narrowParams', () => {
  it('returns the very values, typed, when every field fits its spec', () => {
    const values = defaultParams(specs);
    const typed = narrowParams(specs, values);
    expect(typed).toBe(values);
    const lr: number = typed.lr;
    const mode: 'a' | 'b' = typed.mode;
    expect([lr, mode]).toEqual([0.1, 'a']);
  });

  it.each([
    ['lr', '0.1'],
    ['mode', 'c'],
    ['on', 1],
    ['widths', [1, '2']],
    ['starts', [[0]]],
  ])('names %s when its value is of the wrong kind', (key, value) => {
    const values = { ...defaultParams(specs), [key]: value };
    expect(() => narrowParams(specs, values)).toThrow(new RegExp(`parameter ${key} `));
  });

  it('names a missing field, and ignores own properties only (not the prototype)', () => {
    const { on: _on, ...rest } = defaultParams(specs);
    expect(() => narrowParams(specs, rest)).toThrow(/parameter on /);
    expect(() => narrowParams({ toString: specs.on }, {})).toThrow(/parameter toString /);
  });
});
