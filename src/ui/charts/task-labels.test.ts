import { describe, expect, it } from 'vitest';
import { shortTaskNames } from './task-labels';

describe('shortTaskNames', () => {
  it('drops the recipe in parentheses when the names stay distinct', () => {
    expect(shortTaskNames(['task 1 (φ = 0.00π, a = 1)', 'task 2 (φ = 1.00π, a = 1)'])).toEqual([
      'task 1',
      'task 2',
    ]);
  });

  it('keeps a parenthetical that tells tasks apart, and leaves short names alone', () => {
    expect(shortTaskNames(['circle', 'circle (2)', 'xor'])).toEqual(['circle', 'circle (2)', 'xor']);
    expect(shortTaskNames(['L1', 'L2'])).toEqual(['L1', 'L2']);
  });

  it('cuts long names with an ellipsis, numbering them when the cut makes two alike', () => {
    expect(shortTaskNames(['a very long task name one', 'another'])).toEqual(['a very long t…', 'another']);
    expect(shortTaskNames(['a very long task name one', 'a very long task name two'])).toEqual([
      'task 1',
      'task 2',
    ]);
  });
});
