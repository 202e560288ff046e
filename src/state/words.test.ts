import { describe, expect, it } from 'vitest';
import { joinList } from './words';

describe('joinList', () => {
  it('joins like a sentence: commas, then "and" before the last', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['the seed'])).toBe('the seed');
    expect(joinList(['the seed', 'the optimizer'])).toBe('the seed and the optimizer');
    expect(joinList(['a', 'b', 'c', 'd'])).toBe('a, b, c and d');
    expect(joinList(['WebGL', 'WASM'], 'or')).toBe('WebGL or WASM');
  });
});
