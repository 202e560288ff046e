import { describe, expect, it } from 'vitest';
import { CLEARLY_WORSE, judgeNumbers, MAX_RATIO, MIN_GAP, TRACKS } from './compression-error-feedback';

// The judge on hand-made numbers: each clause of the finding can fail the seed on its own.
const RATIO = 487 / 14560; // sign on 455 shared parameters: (455 + 32) / (32 · 455)

describe('compression-error-feedback judge', () => {
  it('holds when sign alone is clearly worse and sign + EF tracks fp32 at ~1/30 of the bytes', () => {
    const v = judgeNumbers(1, 0.1, 0.2, 0.102, RATIO);
    expect(v.holds).toBe(true);
    expect(v.numbers['sign.overFp32']).toBe(2);
    expect(v.numbers['signEF.offFp32']).toBeCloseTo(0.02, 10);
    expect(v.numbers.bytesRatio).toBe(0.03345);
    expect(v.why).toContain('2x, needs 1.2x');
  });

  it('fails when sign alone is not 1.2x fp32, or is, but by less than the gap', () => {
    expect(judgeNumbers(1, 0.1, 0.1199, 0.1, RATIO).holds).toBe(false);
    // 1.5x but only 0.015 above: a tiny loss cannot pass on the ratio alone.
    expect(judgeNumbers(1, 0.03, 0.045, 0.03, RATIO).holds).toBe(false);
    expect(judgeNumbers(1, 0.1, 0.1 * CLEARLY_WORSE + MIN_GAP, 0.1, RATIO).holds).toBe(true);
  });

  it('fails when sign + EF is off fp32 by more than the tolerance, either way', () => {
    expect(judgeNumbers(1, 0.1, 0.2, 0.1 * (1 + TRACKS + 0.001), RATIO).holds).toBe(false);
    expect(judgeNumbers(1, 0.1, 0.2, 0.1 * (1 - TRACKS - 0.001), RATIO).holds).toBe(false);
    expect(judgeNumbers(1, 0.1, 0.2, 0.1 * (1 + TRACKS - 0.001), RATIO).holds).toBe(true);
  });

  it('fails when the compression saves too little (e.g. the 18 parameters of the linear preset: 50/576)', () => {
    expect(judgeNumbers(1, 0.1, 0.2, 0.1, 50 / 576).holds).toBe(false);
    expect(MAX_RATIO).toBeGreaterThan(RATIO);
  });
});
