import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DatasetDb, type DatasetSummary } from './dataset-db';

let n = 0;
const freshDb = () => new DatasetDb(`dataset-db-test-${n++}`);
const summary = (hash: string, addedAt: number, name = `${hash}.csv`): DatasetSummary => ({
  hash,
  name,
  bytes: 12,
  addedAt,
  rows: 2,
  columns: ['a', 'b'],
});

describe('DatasetDb', () => {
  it('keeps files with their text, lists them newest first without the text, deletes both', async () => {
    const db = freshDb();
    await db.put(summary('h1', 1), 'a,b\n1,2\n3,4\n');
    await db.put(summary('h2', 2), 'a,b\n5,6\n7,8\n');
    const listed = await db.list();
    expect(listed.map((d) => d.hash)).toEqual(['h2', 'h1']);
    expect(listed[0]).not.toHaveProperty('text');
    expect(await db.text('h1')).toBe('a,b\n1,2\n3,4\n');
    await db.delete('h1');
    expect((await db.list()).map((d) => d.hash)).toEqual(['h2']);
    expect(await db.text('h1')).toBeUndefined();
    db.close();
  });

  it('stores the same content once: the first date stays, the newer name wins', async () => {
    const db = freshDb();
    await db.put(summary('h1', 10, 'old.csv'), 'x');
    const kept = await db.put(summary('h1', 99, 'new.csv'), 'x');
    expect(kept).toMatchObject({ name: 'new.csv', addedAt: 10 });
    expect(await db.list()).toEqual([{ ...summary('h1', 10, 'new.csv') }]);
    db.close();
  });
});
