import { describe, expect, it } from 'vitest';
import { fieldErrors } from './field-errors';

const issues = [
  { path: 'method.params.weights[1]', message: 'expected a number', accepted: 'a number' },
  { path: 'method.params.weights', message: 'expected 2 weights', accepted: '2 weights' },
  { path: 'learningRate', message: 'expected at most 1; got 5', accepted: 'at most 1' },
  { path: 'isolation.clipNorm', message: 'expected a positive number', accepted: 'a positive number' },
  // A message holding the old separators must stay whole (the message is never split).
  { path: 'task.params.tasks', message: 'unknown task "a; b: c"; accepted: x, y', accepted: 'x, y' },
];

describe('fieldErrors', () => {
  it('sorts issues to the fields under a prefix, the first of a field winning', () => {
    expect(fieldErrors(issues, 'method.params')).toEqual({ weights: 'expected a number' });
    expect(fieldErrors(issues, 'isolation')).toEqual({ clipNorm: 'expected a positive number' });
    expect(fieldErrors(issues, 'task.params')).toEqual({ tasks: 'unknown task "a; b: c"; accepted: x, y' });
  });

  it('gives the top-level settings by their own names', () => {
    expect(fieldErrors(issues, '')).toMatchObject({ learningRate: 'expected at most 1; got 5' });
    expect(fieldErrors([], '')).toEqual({});
  });
});
