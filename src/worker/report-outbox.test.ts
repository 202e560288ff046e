import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../engine/train/report';
import { HEARTBEAT_MS, POST_EVERY_MS } from './pacing';
import type { FromWorker } from './protocol';
import { ReportOutbox } from './report-outbox';

const report = (step: number) => ({ step }) as Report;

describe('ReportOutbox', () => {
  afterEach(() => vi.restoreAllMocks());

  it('posts reports at most every POST_EVERY_MS, at once when forced, and a heartbeat without reports', () => {
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const posted: FromWorker[] = [];
    const outbox = new ReportOutbox((m) => posted.push(m));
    outbox.add(report(0));
    outbox.flush(true, { step: 0, playing: false });
    expect(posted).toHaveLength(1);
    outbox.add(report(10));
    now += POST_EVERY_MS - 1;
    outbox.flush(false, { step: 10, playing: true });
    expect(posted).toHaveLength(1); // too soon
    now += 1;
    outbox.flush(false, { step: 10, playing: true });
    expect(posted).toHaveLength(2);
    expect(posted[1]).toMatchObject({ type: 'reports', reports: [{ step: 10 }], step: 10, running: true });
    now += POST_EVERY_MS;
    outbox.flush(false, { step: 12, playing: true });
    expect(posted).toHaveLength(2); // nothing new: only a heartbeat, later
    now += HEARTBEAT_MS - POST_EVERY_MS;
    outbox.flush(false, { step: 12, playing: true });
    expect(posted[2]).toMatchObject({ reports: [], step: 12 });
  });

  it('asks for a timed report once the clock says so, spaced by the last report cost', () => {
    const outbox = new ReportOutbox(() => {});
    outbox.start(0);
    expect(outbox.timedReportDue(249)).toBe(false);
    expect(outbox.timedReportDue(250)).toBe(true);
    outbox.addMeasured(report(5), 1000, 200);
    expect(outbox.size).toBe(1);
    expect(outbox.timedReportDue(1799)).toBe(false);
    expect(outbox.timedReportDue(1800)).toBe(true);
    outbox.clear();
    expect(outbox.size).toBe(0);
  });
});
