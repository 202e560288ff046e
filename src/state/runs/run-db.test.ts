import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunDb, StorageFullError } from './run-db';
import { makeRun } from './testing';

let n = 0;
const freshDb = () => new RunDb(`run-db-test-${n++}`);

/** The next IndexedDB put fails the way a full disk does (the browser's QuotaExceededError DOMException). */
function failNextPut(): void {
  vi.spyOn(objectStore, 'put').mockImplementationOnce(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

/** IndexedDB's object-store prototype (fake-indexeddb's here), whose `put` Dexie's writes go through. */
const objectStore = (
  globalThis as unknown as {
    IDBObjectStore: { prototype: { put: (this: unknown, ...args: unknown[]) => unknown } };
  }
).IDBObjectStore.prototype;

afterEach(() => vi.restoreAllMocks());

describe('RunDb', () => {
  it('stores, lists newest first, renames and deletes runs', async () => {
    const db = freshDb();
    await db.putRun(makeRun('a', [0, 10], { createdAt: 1 }));
    await db.putRun(makeRun('b', [0], { createdAt: 2 }));
    expect((await db.listRuns()).map((r) => r.id)).toEqual(['b', 'a']);
    await db.renameRun('a', 'renamed');
    expect((await db.getRun('a'))?.name).toBe('renamed');
    // The record comes back whole: reports, info, final.
    expect((await db.getRun('a'))?.history.map((h) => h.step)).toEqual([0, 10]);
    await db.deleteRun('b');
    expect((await db.listRuns()).map((r) => r.id)).toEqual(['a']);
    db.close();
  });

  it('keeps checkpoints apart and gives the newest', async () => {
    const db = freshDb();
    const run = makeRun('c');
    await db.putCheckpoint({
      id: 'c',
      savedAt: 5,
      run,
      trainer: { step: 20, values: new Float32Array([1, 2]) },
    });
    await db.putCheckpoint({ id: 'd', savedAt: 9, run, trainer: null });
    expect((await db.latestCheckpoint())?.id).toBe('d');
    expect((await db.getCheckpoint('c'))?.trainer).toEqual({ step: 20, values: new Float32Array([1, 2]) });
    await db.deleteCheckpoint('d');
    expect((await db.latestCheckpoint())?.id).toBe('c');
    expect(await db.listRuns()).toEqual([]);
    db.close();
  });

  it('turns a quota error into StorageFullError and changes nothing stored', async () => {
    const db = freshDb();
    await db.putRun(makeRun('kept', [0, 10]));
    const before = await db.listRuns();
    failNextPut();
    const error = await db.putRun(makeRun('new', [0, 10, 20], { createdAt: 99 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toBe(
      `Could not save the run "run new": the browser's storage for this site is full. Delete old runs (Runs → Delete) or free space; nothing already saved was lost.`,
    );
    expect(await db.listRuns()).toEqual(before);
    db.close();
  });

  it('stores several runs in one transaction: a quota error on the second stores none', async () => {
    const db = freshDb();
    await db.putRun(makeRun('kept'));
    const put = objectStore.put;
    let calls = 0;
    vi.spyOn(objectStore, 'put').mockImplementation(function (this: unknown, ...args: unknown[]) {
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const error = await db.putRuns([makeRun('x'), makeRun('y')]).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(StorageFullError);
    expect((await db.listRuns()).map((r) => r.id)).toEqual(['kept']);
    db.close();
  });
});
