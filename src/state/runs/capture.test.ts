import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../engine/study/types';
import type { FromWorker } from '../../worker/protocol';
import { RunCapture } from './capture';
import { MAX_STORED_REPORTS } from './decimate';
import type { CheckpointRecord } from './run-db';
import { makeReport, testConfig, testInfo } from './testing';

/** A capture whose storage records every write, with a clock the test moves. */
function harness(changes?: () => unknown) {
  const saved: RunRecord[] = [];
  const checkpoints: CheckpointRecord[] = [];
  const deleted: string[] = [];
  let now = 1_000;
  let ids = 0;
  const capture = new RunCapture({
    save: (r) => Promise.resolve(void saved.push(r)),
    saveCheckpoint: (c) => Promise.resolve(void checkpoints.push(c)),
    deleteCheckpoint: (id) => Promise.resolve(void deleted.push(id)),
    changes: () => changes?.() as never,
    newId: () => `run-${++ids}`,
    now: () => now,
  });
  const send = (m: FromWorker) => capture.receive(m);
  const configured = (config = testConfig, resumed?: boolean) =>
    send({ type: 'configured', config, info: testInfo, ...(resumed ? { resumed } : {}) });
  const reports = (steps: number[], step = steps.at(-1) ?? 0, running = true) =>
    send({ type: 'reports', reports: steps.map(makeReport), step, stepsPerSecond: 100, running });
  const advance = (ms: number) => void (now += ms);
  return { capture, saved, checkpoints, deleted, send, configured, reports, advance };
}

describe('run capture', () => {
  it('keeps a run stopped by a new trainer after ≥ 1 step, with its name, reports, final and wall time', async () => {
    const h = harness();
    h.send({ type: 'ready', backend: 'wasm', label: 'WASM' });
    h.configured();
    h.reports([0], 0, false);
    h.reports([1]);
    h.advance(2_000);
    h.reports([10, 20]);
    h.advance(500);
    h.reports([], 25, false); // paused
    h.advance(60_000); // idle while paused: not training time
    h.configured(); // reset
    await h.capture.idle();
    expect(h.saved).toHaveLength(1);
    const run = h.saved[0]!;
    expect(run).toMatchObject({
      id: 'run-1',
      name: 'Equal weights · Layer sharing (hard) · seed 3',
      status: 'stopped',
      backend: 'wasm',
      wallSeconds: 2.5,
      createdAt: 1_000,
      info: testInfo,
    });
    expect(run.history.map((r) => r.step)).toEqual([0, 1, 10, 20]);
    expect(run.final).toEqual({ step: 20, tasks: makeReport(20).tasks });
    expect(h.deleted).toEqual(['run-1']); // its checkpoint goes
  });

  it('does not keep a run with 0 steps', async () => {
    const h = harness();
    h.configured();
    h.reports([0], 0, false);
    h.configured(); // a preset loaded before training
    h.send({ type: 'ready', backend: 'webgl', label: 'WebGL' }); // a backend switch
    await h.capture.idle();
    expect(h.saved).toEqual([]);
  });

  it('saves a run as finished when it reaches config.steps; trained on, it stays finished and its record follows', async () => {
    const h = harness();
    h.configured();
    h.reports([0, 10, 20, 30], 30);
    await h.capture.idle();
    expect(h.saved).toEqual([]);
    h.reports([40], 40); // steps: 40
    await h.capture.idle();
    expect(h.saved.map((r) => r.status)).toEqual(['finished']);
    h.reports([50], 50);
    // Finished runs are not resumed: a checkpoint message (every ~10 s and on pause) updates the record.
    h.send({ type: 'checkpoint', step: 50, checkpoint: {} });
    await h.capture.idle();
    expect(h.saved.map((r) => [r.status, r.final?.step])).toEqual([
      ['finished', 40],
      ['finished', 50],
    ]);
    h.reports([60], 60);
    h.configured();
    await h.capture.idle();
    expect(h.saved.map((r) => [r.status, r.final?.step])).toEqual([
      ['finished', 40],
      ['finished', 50],
      ['finished', 60],
    ]);
    expect(h.checkpoints).toEqual([]);
  });

  it('keeps a diverged run with the error as its stop reason, and a crashed one as stopped', async () => {
    const h = harness();
    h.configured();
    h.reports([0, 10], 12);
    h.send({ type: 'error', kind: 'config', message: 'method.id: unknown' }); // a rejected live change: goes on
    h.send({
      type: 'error',
      kind: 'diverged',
      message: 'Training diverged at step 12: task A loss is NaN',
      step: 12,
    });
    h.configured();
    h.reports([0, 10], 10);
    h.send({ type: 'error', kind: 'device-lost', message: 'The GPU device was lost.' });
    await h.capture.idle();
    expect(h.saved.map((r) => [r.id, r.status, r.stopReason])).toEqual([
      ['run-1', 'diverged', 'Training diverged at step 12: task A loss is NaN'],
      ['run-2', 'stopped', 'The GPU device was lost.'],
    ]);
  });

  it("copies the store's mid-run changes when it has them", async () => {
    let changes: unknown = [{ step: 5, what: 'learning rate 0.01 → 0.003' }];
    const h = harness(() => changes);
    h.configured();
    h.reports([0, 10], 10);
    changes = []; // the store cleared them for the next run before its 'configured' arrived
    h.reports([], 10, false);
    h.configured();
    await h.capture.idle();
    expect(h.saved[0]?.changes).toEqual([{ step: 5, what: 'learning rate 0.01 → 0.003' }]);
  });

  it('keeps at most MAX_STORED_REPORTS (500) reports, evenly, with the first and the last', async () => {
    const h = harness();
    h.configured({ ...testConfig, steps: 1_000_000, reportEvery: 1 });
    for (let s = 0; s <= 10_000; s += 500)
      h.reports(
        Array.from({ length: 500 }, (_, i) => s + i),
        s + 499,
      );
    h.configured();
    await h.capture.idle();
    const history = h.saved[0]!.history;
    expect(MAX_STORED_REPORTS).toBe(500);
    expect(history.length).toBeLessThanOrEqual(MAX_STORED_REPORTS);
    expect(history.length).toBeGreaterThan(MAX_STORED_REPORTS * 0.9);
    expect(history[0]?.step).toBe(0);
    expect(history.at(-1)?.step).toBe(10_499);
  });

  it('stores checkpoints with the run so far, and a resumed run keeps its id, history and wall time', async () => {
    const h = harness();
    h.configured();
    h.reports([0, 10], 10);
    h.advance(1_000);
    h.reports([], 12);
    h.send({ type: 'checkpoint', step: 12, checkpoint: { step: 12 } });
    await h.capture.idle();
    const saved = h.checkpoints[0]!;
    expect(saved).toMatchObject({
      id: 'run-1',
      trainer: { step: 12 },
      run: { status: 'running', wallSeconds: 1 },
    });
    expect(saved.run.history.map((r) => r.step)).toEqual([0, 10]);
    // Reload: a new page, a new capture.
    const next = harness();
    next.configured(); // the page's own fresh trainer comes first
    next.capture.expectResume(saved.run);
    next.configured(testConfig); // a 'configure' without resume still in flight: not the resumed one
    next.configured(testConfig, true);
    next.reports([0, 10, 12], 12, false); // the session echoes the history, then its report at 12
    next.reports([20, 30], 30);
    next.send({ type: 'error', kind: 'diverged', message: 'diverged', step: 31 });
    await next.capture.idle();
    expect(next.saved).toHaveLength(1);
    expect(next.saved[0]).toMatchObject({ id: 'run-1', status: 'diverged', wallSeconds: 1 });
    expect(next.saved[0]?.history.map((r) => r.step)).toEqual([0, 10, 12, 20, 30]);
    expect(next.deleted.at(-1)).toBe('run-1');
  });
});
