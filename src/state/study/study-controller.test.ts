/**
 * The Studies tab's state machine over the real study session (in process, on the test backend) and a real
 * IndexedDB (fake-indexeddb): idle → starting → running → finished with a summary, every run stored under
 * its study as it finishes; cancel keeps and summarises what finished; a bad study starts nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FromStudyWorker } from '../../worker/study/study-protocol';
import { StudySession } from '../../worker/study/study-session';
import { RunDb } from '../runs/run-db';
import { createPlaygroundStore } from '../store';
import { createStudyController, type StudyClientLike, type StudyController } from './study-controller';
import type { StudyPhase } from './study-store';

let n = 0;

/** The worker's session on this thread: the same code the study worker runs, without the transport. */
function inProcessClient() {
  const listeners = new Set<(message: FromStudyWorker) => void>();
  const seen: FromStudyWorker['type'][] = [];
  const session = new StudySession((message) => {
    seen.push(message.type);
    listeners.forEach((l) => l(message));
  });
  let last: Promise<void> = Promise.resolve();
  const client: StudyClientLike = {
    send: (message) => void (last = session.handle(message)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { client, seen, idle: () => last, listeners };
}

let controller: StudyController | null = null;
afterEach(() => controller?.dispose());

function setUp() {
  const { client, seen, idle, listeners } = inProcessClient();
  const db = new RunDb(`study-controller-test-${n++}`);
  const playground = createPlaygroundStore('');
  let id = 0;
  controller = createStudyController({
    client,
    db,
    playground,
    newId: () => `study-${++id}`,
    now: () => 1000,
  });
  const phases: StudyPhase[] = [];
  controller.store.subscribe((s, before) => s.phase !== before.phase && phases.push(s.phase));
  return { controller, db, seen, idle, phases, listeners };
}

/** EW against PCGrad, 2 seeds, baselines, 20 steps: 2 × 2 runs, then 2 baseline runs. */
function drawStudy(c: StudyController) {
  c.setDraft((d) => ({
    ...d,
    rows: [{ path: 'method.id', ticked: ['ew', 'pcgrad'], text: '' }],
    seeds: 2,
    baselines: true,
    steps: 20,
  }));
}

describe('study controller', () => {
  it('prepares the study worker (backend, helpers) when asked, and not while a study runs', () => {
    const sent: string[] = [];
    const c = createStudyController({
      client: { send: (m) => void sent.push(m.type), subscribe: () => () => undefined },
      db: new RunDb(`study-controller-test-${n++}`),
      playground: createPlaygroundStore(''),
    });
    c.prepare();
    expect(sent).toEqual(['prepare']);
    c.store.setState({ phase: 'running' });
    c.prepare();
    expect(sent).toEqual(['prepare']);
    c.dispose();
  });

  it('runs a study to its summary and stores every run under it', async () => {
    const { controller: c, db, seen, idle, phases } = setUp();
    drawStudy(c);
    expect(c.start()).toBe(true);
    expect(c.store.getState().phase).toBe('starting');
    expect(c.store.getState().current).toMatchObject({
      id: 'study-1',
      total: 6,
      steps: { done: 0, total: 120 },
    });
    await idle();
    await c.flush();
    expect(phases).toEqual(['starting', 'running', 'finished']);
    expect(seen[0]).toBe('started');
    expect(seen.filter((t) => t === 'progress')).toHaveLength(6);
    expect(seen.at(-1)).toBe('done');
    const { current } = c.store.getState();
    expect(current?.runs).toHaveLength(6);
    expect(current?.summary?.groups.map((g) => g.group)).toEqual(['method.id=ew', 'method.id=pcgrad']);
    expect(current?.summary?.groups.every((g) => g.deltaM?.n === 2)).toBe(true);
    // Stored: every run with its study, group and seed; the study finished with their ids in order.
    const runs = await db.listRuns();
    expect(runs).toHaveLength(6);
    expect(runs.every((r) => r.study?.id === 'study-1')).toBe(true);
    const [study] = await db.listStudies();
    expect(study).toMatchObject({ id: 'study-1', status: 'finished', planned: 6 });
    expect(study?.runIds).toEqual(current?.runs.map((r) => r.id));
    expect(study?.summary).toEqual(current?.summary);
    expect(c.store.getState().stored.map((s) => s.id)).toEqual(['study-1']);
    // Its measured rate feeds the next estimate.
    expect(c.store.getState().studyStepsPerSecond).toBeGreaterThan(0);
  });

  it('cancel keeps the runs that finished, summarises them and stores the study as cancelled', async () => {
    const { controller: c, db, idle, phases, listeners } = setUp();
    drawStudy(c);
    // Cancel as soon as the first run lands, as a person pressing Cancel mid-study.
    listeners.add((m) => m.type === 'progress' && m.done === 1 && c.cancel());
    c.start();
    await idle();
    await c.flush();
    expect(phases).toEqual(['starting', 'running', 'cancelling', 'cancelled']);
    const { current } = c.store.getState();
    const kept = current?.runs.length ?? 0;
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(6);
    expect(current?.summary?.groups[0]?.tasks[0]?.loss.n).toBeGreaterThanOrEqual(1);
    const [study] = await db.listStudies();
    expect(study).toMatchObject({ status: 'cancelled', planned: 6 });
    expect(study?.runIds).toHaveLength(kept);
    expect(await db.listRuns()).toHaveLength(kept);
    // Reopening shows the same runs and numbers from the database.
    await c.reopen('study-1');
    expect(c.store.getState().current?.runs.map((r) => r.id)).toEqual(current?.runs.map((r) => r.id));
    expect(c.store.getState().phase).toBe('cancelled');
  });

  it('a bad study names its fields and starts nothing', () => {
    const { controller: c, seen } = setUp();
    c.setDraft((d) => ({ ...d, rows: [{ path: 'learningRate', ticked: [], text: '0.1, 100' }], seeds: 0 }));
    expect(c.start()).toBe(false);
    expect(c.store.getState().phase).toBe('idle');
    expect(c.store.getState().draftIssues.map((i) => i.field)).toEqual(['learningRate', 'seeds']);
    // A study file the engine refuses (an example gone wrong): the error lists its issues.
    expect(c.startSpec({ base: {}, grid: { 'method.id': [] }, seeds: [1], baselines: false })).toBe(false);
    expect(c.store.getState().phase).toBe('error');
    expect(c.store.getState().error?.issues.join(' ')).toMatch(/grid/);
    expect(seen).toEqual([]);
  });
});
