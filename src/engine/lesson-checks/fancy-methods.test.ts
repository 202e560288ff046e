import { describe, expect, it } from 'vitest';
import type { GroupSummary } from '../study/types';
import { repetitionSeeds, settingName } from './fancy-methods';

const group = (settings: Record<string, unknown>): GroupSummary => ({
  group: 'g',
  settings,
  seeds: [],
  tasks: [],
  deltaM: null,
  withinNoise: null,
});

describe('fancy-methods helpers', () => {
  it('gives each repetition five seeds of its own, the first being the study’s own 1-5', () => {
    expect(repetitionSeeds(1)).toEqual([1, 2, 3, 4, 5]);
    expect(repetitionSeeds(2)).toEqual([11, 12, 13, 14, 15]);
    const all = [1, 2, 3].flatMap(repetitionSeeds);
    expect(new Set(all).size).toBe(15);
  });

  it('names a grid point by its method, with static weights spelled out', () => {
    expect(settingName(group({ method: { id: 'cagrad' } }))).toBe('cagrad');
    expect(settingName(group({ method: { id: 'static', params: { weights: [0.4, 1.6] } } }))).toBe(
      'static[0.4,1.6]',
    );
    expect(settingName(group({ 'method.id': 'mgda' }))).toBe('mgda');
  });
});
