import { describe, expect, it } from 'vitest';
import { estimateSeconds, formatDuration, pickRate } from './estimate';

describe('the study time estimate', () => {
  it('prefers the last study’s rate, then the live run’s, else has none', () => {
    expect(pickRate(400, 900)).toEqual({ stepsPerSecond: 400, from: 'the last study' });
    expect(pickRate(null, 900)?.from).toBe('the live run in the Training tab');
    expect(pickRate(0, 0)).toBeNull();
    expect(estimateSeconds(6000, pickRate(null, 300))).toBe(20);
    expect(estimateSeconds(6000, null)).toBeNull();
  });

  it('reads at a glance, and never says 0 s', () => {
    expect(formatDuration(0.4)).toBe('under 1 s');
    expect(formatDuration(44.6)).toBe('45 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(180)).toBe('3 min');
    expect(formatDuration(3900)).toBe('1 h 5 min');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});
