import { describe, expect, it } from 'vitest';
import { CHUNK_MS, nextChunk, RateMeter, REPORT_AT_LEAST_EVERY_MS, ReportClock } from './pacing';

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

describe('ReportClock', () => {
  it('asks for a report once REPORT_AT_LEAST_EVERY_MS of training passed without one', () => {
    expect(REPORT_AT_LEAST_EVERY_MS).toBe(250);
    const clock = new ReportClock();
    clock.start(1000);
    expect(clock.due(1000 + 249)).toBe(false);
    expect(clock.due(1000 + 250)).toBe(true);
    clock.mark(1300); // a report (on the step count or on time) restarts the wait
    expect(clock.due(1500)).toBe(false);
    expect(clock.due(1550)).toBe(true);
  });

  it('waits four times as long as the last report took when reports are slow', () => {
    const clock = new ReportClock(250);
    clock.start(0);
    clock.mark(1000, 200); // an evaluation of 200 ms: the next timed report waits 800 ms
    expect(clock.due(1000 + 799)).toBe(false);
    expect(clock.due(1000 + 800)).toBe(true);
    clock.mark(2000, 10); // a cheap report: back to the 250 ms floor
    expect(clock.due(2000 + 249)).toBe(false);
    expect(clock.due(2000 + 250)).toBe(true);
  });

  it('does not count time spent paused', () => {
    const clock = new ReportClock(100);
    clock.start(0);
    clock.mark(50);
    // Paused from 60 to 10,000: play restarts the clock, so no report is due at once.
    clock.start(10_000);
    expect(clock.due(10_050)).toBe(false);
    expect(clock.due(10_100)).toBe(true);
  });
});
