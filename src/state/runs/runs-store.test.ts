import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseStudy } from '../../engine/study/parse-study';
import { planStudy } from '../../engine/study/plan-study';
import { RunDb } from './run-db';
import { runFile } from './run-file';
import { createRunsStore, MAX_OVERLAY } from './runs-store';
import { makeRun } from './testing';

let n = 0;
function setup() {
  const db = new RunDb(`runs-store-test-${n++}`);
  return { db, runs: createRunsStore(() => Promise.resolve(db)) };
}

/** IndexedDB's object-store prototype (fake-indexeddb's here), whose `put` Dexie's writes go through. */
const objectStore = (
  globalThis as unknown as {
    IDBObjectStore: { prototype: { put: (this: unknown, ...args: unknown[]) => unknown } };
  }
).IDBObjectStore.prototype;

afterEach(() => vi.restoreAllMocks());

describe('runs store', () => {
  it('loads summaries with labels from the catalogues, the final metrics and a sparkline', async () => {
    const { db, runs } = setup();
    await db.putRun(makeRun('a', [0, 10, 20]));
    await runs.getState().load();
    const [summary] = runs.getState().runs;
    expect(summary).toMatchObject({
      id: 'a',
      name: 'run a',
      step: 20,
      status: 'stopped',
      method: 'Equal weights',
    });
    // Mean train loss over A (1/(s+1)) and B (twice that): 1.5/(s+1).
    expect(summary?.sparkline).toEqual([1.5, 1.5 / 11, 1.5 / 21]);
    expect(summary?.finalMetrics).toEqual([
      { task: 'A', label: 'accuracy', value: 0.4 + 20 / 100 },
      { task: 'B', label: 'accuracy', value: 0.25 },
    ]);
    expect(runs.getState().loaded).toBe(true);
  });

  it('renames, deletes with undo, and drops a deleted run from the overlay', async () => {
    const { db, runs } = setup();
    await runs.getState().save(makeRun('a'));
    await runs.getState().toggleOverlay('a');
    expect(runs.getState().overlay.map((r) => r.id)).toEqual(['a']);
    await runs.getState().rename('a', '  baseline  ');
    expect(runs.getState().runs[0]?.name).toBe('baseline');
    expect(runs.getState().overlay[0]?.name).toBe('baseline');
    await runs.getState().rename('a', '   ');
    expect(runs.getState().error).toMatch(/needs a name/);
    expect((await db.getRun('a'))?.name).toBe('baseline');
    await runs.getState().delete('a');
    expect(runs.getState().runs).toEqual([]);
    expect(runs.getState().overlay).toEqual([]);
    expect(await db.listRuns()).toEqual([]);
    await runs.getState().undoDelete();
    expect(runs.getState().runs.map((r) => r.name)).toEqual(['baseline']);
    expect((await db.getRun('a'))?.name).toBe('baseline');
  });

  it(`overlays at most ${MAX_OVERLAY} runs, as full records in ticking order`, async () => {
    const { runs } = setup();
    for (let i = 0; i < MAX_OVERLAY + 1; i++)
      await runs.getState().save(makeRun(`r${i}`, [0, 10], { createdAt: i }));
    for (let i = 0; i < MAX_OVERLAY + 1; i++) await runs.getState().toggleOverlay(`r${i}`);
    expect(runs.getState().overlay.map((r) => r.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
    expect(runs.getState().overlay[0]?.history).toHaveLength(2);
    expect(runs.getState().error).toBe('At most 6 runs can be overlaid at once: untick one first.');
    await runs.getState().toggleOverlay('r2');
    expect(runs.getState().overlay.map((r) => r.id)).toEqual(['r0', 'r1', 'r3', 'r4', 'r5']);
  });

  it('imports an exported run as a second, identical run with its own id', async () => {
    const { db, runs } = setup();
    const original = makeRun('orig', [0, 10, 20]);
    await runs.getState().save(original);
    expect(await runs.getState().import(runFile(original))).toBe(1);
    const stored = await db.listRuns();
    expect(stored).toHaveLength(2);
    const copy = stored.find((r) => r.id !== 'orig')!;
    const { id: _a, createdAt: _b, ...same } = copy;
    const { id: _c, createdAt: _d, ...expected } = original;
    expect(same).toEqual(expected);
    expect(runs.getState().notice).toBe('Imported 1 run.');
  });

  it('refuses a bad file with one line naming the field, and touches nothing stored', async () => {
    const { db, runs } = setup();
    await runs.getState().save(makeRun('kept'));
    const bad = JSON.parse(runFile(makeRun('x'))) as { run: { history: { step: unknown }[] } };
    bad.run.history[1]!.step = -3;
    expect(await runs.getState().import(JSON.stringify(bad))).toBe(0);
    expect(runs.getState().error).toBe('run.history[1].step: expected a whole number ≥ 0, got -3');
    expect((await db.listRuns()).map((r) => r.id)).toEqual(['kept']);
    expect(runs.getState().runs.map((r) => r.id)).toEqual(['kept']);
  });

  it('shows a full disk in its error line and keeps the runs it had', async () => {
    const { db, runs } = setup();
    await runs.getState().save(makeRun('kept'));
    vi.spyOn(objectStore, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await runs.getState().save(makeRun('new', [0, 10], { createdAt: 5_000 }))).toBe(false);
    expect(runs.getState().error).toMatch(
      /^Could not save the run "run new": the browser's storage for this site is full/,
    );
    expect(runs.getState().runs.map((r) => r.id)).toEqual(['kept']);
    expect((await db.listRuns()).map((r) => r.id)).toEqual(['kept']);
  });

  it('offers the newest checkpoint for resuming', async () => {
    const { db, runs } = setup();
    await db.putCheckpoint({ id: 'live', savedAt: 1, run: makeRun('live', [0, 10, 30]), trainer: null });
    await runs.getState().load();
    expect(runs.getState().resumable).toEqual({ id: 'live', name: 'run live', step: 30 });
  });
});

describe('importing a study export', () => {
  /** A two-seed study of one grid point, as state/study/study-file.ts writes it, with `runs` finished. */
  function studyExport() {
    const spec = parseStudy({
      base: { steps: 40, reportEvery: 10 },
      grid: { 'method.id': ['ew'] },
      seeds: 2,
    });
    const plan = planStudy(spec);
    const runs = plan.map((p, i) =>
      makeRun(`s-run-${i}`, [0, 10, 20], {
        status: 'finished',
        study: { id: 's1', group: p.group, seed: p.seed },
      }),
    );
    const study = {
      id: 's1',
      name: 'EW over 2 seeds',
      spec,
      runIds: runs.map((r) => r.id),
      planned: plan.length,
      // Not trusted: the import computes it again from the runs.
      summary: { groups: [], baselines: [] },
      status: 'finished',
      createdAt: 5,
    };
    return { format: 'mtl-playground-study', version: 1, study, runs };
  }

  it('stores the study with fresh ids, its runs pointing at it, and the summary its runs give', async () => {
    const { db, runs } = setup();
    expect(await runs.getState().import(JSON.stringify(studyExport()))).toBe(2);
    const [study] = await db.listStudies();
    const stored = await db.listRuns();
    expect(study?.id).not.toBe('s1');
    expect(study?.name).toBe('EW over 2 seeds');
    expect([...(study?.runIds ?? [])].sort()).toEqual(stored.map((r) => r.id).sort());
    expect(stored.every((r) => r.study?.id === study?.id)).toBe(true);
    // Both seeds end with task A's test metric 0.4 + 20/100 and B's 0.25: means, and no spread.
    const group = study?.summary?.groups[0];
    expect(group?.tasks.map((t) => [t.name, t.metric.mean, t.metric.ci95, t.metric.n])).toEqual([
      ['A', 0.4 + 20 / 100, 0, 2],
      ['B', 0.25, 0, 2],
    ]);
    expect(runs.getState().notice).toBe('Imported the study "EW over 2 seeds" with 2 runs.');
    expect(runs.getState().studies).toEqual([{ id: study?.id, name: 'EW over 2 seeds' }]);
  });

  it("refuses a study file whose spec is bad, or whose runs are another study's, naming the field", async () => {
    const { db, runs } = setup();
    const badSpec = studyExport();
    (badSpec.study.spec as { seeds: unknown }).seeds = 'many';
    await runs.getState().import(JSON.stringify(badSpec), 'study.json');
    expect(runs.getState().error).toMatch(/^Could not import study\.json: study\.spec\.seeds: /);
    const stranger = studyExport();
    stranger.runs[1]!.study!.id = 'other';
    await runs.getState().import(JSON.stringify(stranger));
    expect(runs.getState().error).toBe(
      `runs[1].study.id: expected the study's id "s1" (every run of a study file belongs to it)`,
    );
    expect(await db.listRuns()).toEqual([]);
    expect(await db.listStudies()).toEqual([]);
  });
});
