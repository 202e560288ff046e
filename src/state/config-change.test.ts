import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../engine/config/parse';
import { keepUnchanged, planChange } from './config-change';

describe('planChange', () => {
  const base = defaultConfig();

  it('applies the learning rate and the method live', () => {
    expect(planChange(base, parseConfig({ learningRate: 0.003 }))).toEqual({
      kind: 'live',
      learningRate: 0.003,
    });
    const next = parseConfig({ method: { id: 'pcgrad' } });
    expect(planChange(base, next)).toEqual({ kind: 'live', method: { id: 'pcgrad', params: {} } });
  });

  it('asks for a reset when the data, the model or the optimizer change', () => {
    expect(planChange(base, parseConfig({ task: { id: 'toy' } }))).toMatchObject({
      kind: 'reset',
      summary: 'Changing the task suite and the architecture starts the experiment over.',
    });
    expect(planChange(base, parseConfig({ seed: 3, learningRate: 0.1 }))).toMatchObject({ kind: 'reset' });
  });

  it('names three or more changed fields as a list, not a chain of "and"s', () => {
    const next = parseConfig({ task: { id: 'toy' }, steps: 500, reportEvery: 5 });
    expect(planChange(base, next)).toMatchObject({
      summary:
        'Changing the task suite, the architecture, the number of steps and the report interval starts the experiment over.',
    });
  });

  it('starts over when an optional section is turned on or off, naming it', () => {
    const compressed = parseConfig({ communication: { id: 'sign' } });
    const summary = 'Changing the gradient compression starts the experiment over.';
    expect(planChange(base, compressed)).toEqual({ kind: 'reset', summary });
    // Off: the next config no longer has the key at all.
    expect(planChange(compressed, base)).toEqual({ kind: 'reset', summary });
  });

  it('does nothing when nothing changed', () => {
    expect(planChange(base, defaultConfig())).toEqual({ kind: 'none' });
  });
});

describe('keepUnchanged', () => {
  it('keeps the current objects of unchanged fields and the new ones of changed fields', () => {
    const base = defaultConfig();
    const next = keepUnchanged(base, parseConfig({ learningRate: 0.003 }));
    expect(next).toEqual({ ...base, learningRate: 0.003 });
    expect(next.task).toBe(base.task);
    expect(next.isolation).toBe(base.isolation);
    const other = parseConfig({ seed: 9 });
    expect(keepUnchanged(base, other).seed).toBe(9);
    const moreTasks = parseConfig({ task: { id: 'sinusoids' } });
    expect(keepUnchanged(base, moreTasks).task).toBe(moreTasks.task);
  });
});
