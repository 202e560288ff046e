import { describe, expect, it } from 'vitest';
import { sameNumbers } from './use-stable';

describe('sameNumbers', () => {
  it('compares arrays of numbers by content and order', () => {
    expect(sameNumbers([0, 0.5, 1], [0, 0.5, 1])).toBe(true);
    expect(sameNumbers([], [])).toBe(true);
    expect(sameNumbers([0, 1], [1, 0])).toBe(false);
    expect(sameNumbers([0, 1], [0, 1, 2])).toBe(false);
    // Object.is: NaN equals NaN (an unchanged gap), -0 differs from 0.
    expect(sameNumbers([NaN], [NaN])).toBe(true);
    expect(sameNumbers([-0], [0])).toBe(false);
  });
});
