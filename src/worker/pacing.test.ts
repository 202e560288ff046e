import { describe, expect, it } from 'vitest';
import { CHUNK_MS, nextChunk, RateMeter } from './pacing';

describe('nextChunk', () => {
  it('moves towards CHUNK_MS worth of steps, at most doubling, never below 1', () => {
    expect(nextChunk(10, 10, 1)).toBe(20); // far too fast: doubles, no more
    expect(nextChunk(10, 10, CHUNK_MS)).toBe(10); // on target: stays
    expect(nextChunk(10, 10, 4 * CHUNK_MS)).toBe(6); // too slow: halfway to 2.5 steps
    expect(nextChunk(1, 1, 4000)).toBe(1); // a shader compile: still one step
  });
});

describe('RateMeter', () => {
  it('measures steps per second over each window, smoothed', () => {
    const meter = new RateMeter();
    meter.start(0);
    meter.add(50);
    expect(meter.sample(500)).toBe(100);
    meter.add(100);
    expect(meter.sample(1000)).toBe(150); // half old (100), half new (200)
  });
});
