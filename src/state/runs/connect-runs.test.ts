/**
 * Run keeping end to end in Node: the app's actions and run capture on a real training session (the code
 * the worker runs), IndexedDB through fake-indexeddb. A run trained and reset is kept; a run checkpointed
 * on pause, after a live learning-rate change, is offered after a "reload" (a new store, capture and
 * session on the same database) and resumes from its step with its history; Discard keeps it as stopped.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../engine/config/parse';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { TrainingSession } from '../../worker/session';
import { changeConfig, connect, pause, reset, train, type ClientLike } from '../actions';
import { createPlaygroundStore } from '../store';
import { connectRuns, discardCheckpoint, resumeCheckpoint } from './connect-runs';
import { RunDb } from './run-db';
import { createRunsStore } from './runs-store';

const config = parseConfig({
  task: { id: 'sinusoids', params: { trainSamples: 200 } },
  architecture: { id: 'layer-sharing', params: { widths: [8], shared: [true] } },
  batchSize: 16,
  reportEvery: 5,
  steps: 100_000,
});
const hash = `#config=${encodeURIComponent(JSON.stringify(config))}`;

/** One "page": its store, its worker client (an in-process session), its runs store and capture. */
function page(db: RunDb) {
  const listeners = new Set<(m: FromWorker) => void>();
  const sent: ToWorker[] = [];
  const session = new TrainingSession((m) => listeners.forEach((l) => l(m)));
  const client: ClientLike = {
    send: (m) => void (sent.push(m), session.handle(m)),
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    backendUnavailable: () => Promise.resolve(null),
  };
  const store = createPlaygroundStore(hash, '');
  const runs = createRunsStore(() => Promise.resolve(db));
  connect(store, client);
  const capture = connectRuns(store, client, runs, () => Promise.resolve(db));
  return { store, runs, session, capture, sent };
}

const until = async (condition: () => boolean | Promise<boolean>, ms = 20_000) => {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

let n = 0;

describe('run keeping on a real session', () => {
  it('keeps a reset run, and resumes a checkpointed one after a reload from its step and history', async () => {
    const db = new RunDb(`connect-runs-test-${n++}`);
    const first = page(db);
    await until(() => first.store.getState().status === 'ready');
    train();
    await until(() => first.store.getState().step >= 20);
    reset();
    await until(async () => (await db.listRuns()).length === 1);
    expect(first.runs.getState().runs[0]).toMatchObject({ status: 'stopped', method: 'Equal weights' });

    await until(() => first.store.getState().status === 'ready');
    train();
    await until(() => first.store.getState().step >= 15);
    // A live change: the checkpoint holds the new learning rate, and resuming must use it.
    expect(changeConfig({ ...config, learningRate: 0.003 })).toBeNull();
    await until(() => first.store.getState().step >= 30);
    pause();
    await until(async () => (await db.latestCheckpoint()) !== undefined);
    await first.capture.idle();
    const saved = (await db.latestCheckpoint())!;
    const at = saved.run.history.at(-1)!.step;
    expect(at).toBeGreaterThanOrEqual(30);
    await first.session.dispose();

    // Reload: a new page on the same database is offered the run.
    const second = page(db);
    await until(() => second.store.getState().status === 'ready' && second.runs.getState().loaded);
    expect(second.runs.getState().resumable).toEqual({ id: saved.id, name: saved.run.name, step: at });
    await resumeCheckpoint();
    await until(() => second.store.getState().step > at + 20);
    expect(second.store.getState().config.learningRate).toBe(0.003);
    // The charts' history starts at step 0, not at the checkpoint.
    expect(second.store.getState().history.latest).not.toBeNull();
    pause();
    reset();
    await until(async () => (await db.listRuns()).length === 2);
    const resumed = await db.getRun(saved.id);
    expect(resumed?.status).toBe('stopped');
    expect(resumed?.history[0]?.step).toBe(0);
    expect(resumed?.history.at(-1)?.step).toBeGreaterThan(at + 10);
    expect(resumed?.config.learningRate).toBe(0.003);
    expect(await db.latestCheckpoint()).toBeUndefined();
    await second.session.dispose();
    db.close();
  });

  it('Discard keeps the interrupted run as stopped and forgets its checkpoint', async () => {
    const db = new RunDb(`connect-runs-test-${n++}`);
    const first = page(db);
    await until(() => first.store.getState().status === 'ready');
    train();
    await until(() => first.store.getState().step >= 12);
    pause();
    await until(async () => (await db.latestCheckpoint()) !== undefined);
    await first.session.dispose();
    const second = page(db);
    await until(() => second.runs.getState().resumable !== null);
    await discardCheckpoint();
    expect(second.runs.getState().resumable).toBeNull();
    const [kept] = await db.listRuns();
    expect(kept?.status).toBe('stopped');
    expect(kept?.stopReason).toMatch(/^Interrupted/);
    expect(await db.latestCheckpoint()).toBeUndefined();
    expect(second.runs.getState().runs.map((r) => r.id)).toEqual([kept?.id]);
    await second.session.dispose();
    db.close();
  });
});
