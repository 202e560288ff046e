import { describe, expect, it } from 'vitest';
import { HELPED_BACKENDS, helperCount, MAX_LANES } from './helper-count';

describe('helperCount', () => {
  it('leaves one core to the study worker and uses at most MAX_LANES lanes in all', () => {
    expect(helperCount(1)).toBe(0);
    expect(helperCount(2)).toBe(1);
    expect(helperCount(3.5)).toBe(2);
    expect(helperCount(16)).toBe(MAX_LANES - 1);
    // A browser that hides the count (or gives nonsense) trains on the study worker alone.
    expect(helperCount(Number.NaN)).toBe(0);
    expect(helperCount(0)).toBe(0);
  });

  it('helps only the CPU backends', () => {
    expect([...HELPED_BACKENDS].sort()).toEqual(['cpu', 'wasm']);
  });
});
