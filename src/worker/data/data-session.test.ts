import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../engine/tasks/csv/hash';
import type { FromDataWorker } from './data-protocol';
import { DatasetDb } from './dataset-db';
import { DataSession } from './data-session';

const TWO_LABELS = readFileSync('test/fixtures/csv/two-labels.csv', 'utf8');
let n = 0;

function session() {
  const db = new DatasetDb(`data-session-test-${n++}`);
  const posted: FromDataWorker[] = [];
  const s = new DataSession((m) => posted.push(m), db, { now: () => 1234 });
  const last = () => posted[posted.length - 1] as FromDataWorker;
  return { db, posted, s, last };
}

const file = (text: string, name: string) => new File([text], name, { type: 'text/csv' });

describe('DataSession', () => {
  it('parses a dropped file, keeps it, and answers the preview with the suggested setup', async () => {
    const { db, s, posted, last } = session();
    await s.handle({ type: 'open-file', id: 1, file: file(TWO_LABELS, 'two-labels.csv') });
    const answer = last();
    if (answer.type !== 'preview') throw new Error(JSON.stringify(answer));
    const { preview } = answer;
    expect(preview.summary).toEqual({
      hash: contentHash(TWO_LABELS),
      name: 'two-labels.csv',
      bytes: new TextEncoder().encode(TWO_LABELS).length,
      addedAt: 1234,
      rows: 400,
      columns: ['x1', 'x2', 'x3', 'x4', 'side', 'band'],
    });
    expect(preview).toMatchObject({ stored: true, isNew: true });
    expect(preview.head).toHaveLength(20);
    expect(preview.head[0]).toEqual(['-0.104', '-0.148', '0.021', '-0.292', 'left', 'mid']);
    expect(preview.suggested).toEqual({
      inputs: ['x1', 'x2', 'x3', 'x4'],
      labels: [
        { column: 'side', kind: 'classes' },
        { column: 'band', kind: 'classes' },
      ],
    });
    expect(posted.filter((m) => m.type === 'progress').at(-1)).toMatchObject({ fraction: 1 });
    expect((await db.list()).map((d) => d.name)).toEqual(['two-labels.csv']);
    expect(await db.text(preview.summary.hash)).toBe(TWO_LABELS);

    await s.handle({
      type: 'check',
      id: 2,
      hash: preview.summary.hash,
      setup: preview.suggested,
      missing: 'drop-rows',
    });
    expect(last()).toEqual({
      type: 'checked',
      id: 2,
      hash: preview.summary.hash,
      check: { issues: [], kept: 400, dropped: 0 },
    });
  });

  it('answers a bad file with one line naming the row, and keeps nothing of it', async () => {
    const { db, s, last } = session();
    await s.handle({ type: 'open-file', id: 1, file: file(TWO_LABELS, 'two-labels.csv') });
    const good = last();
    await s.handle({ type: 'open-file', id: 2, file: file('a,b,c\n1,2,3\n4,5\n', 'ragged.csv') });
    const bad = last();
    expect(bad.type).toBe('error');
    if (bad.type !== 'error') return;
    expect(bad.id).toBe(2);
    expect(bad.message).toMatch(/ragged\.csv/);
    expect(bad.message).toMatch(/row 3/);
    expect(bad.message.includes('\n')).toBe(false);
    expect((await db.list()).map((d) => d.name)).toEqual(['two-labels.csv']);
    // The good file is still the open one: its setup can be checked.
    if (good.type !== 'preview') throw new Error('expected a preview');
    await s.handle({
      type: 'check',
      id: 3,
      hash: good.preview.summary.hash,
      setup: good.preview.suggested,
      missing: 'reject',
    });
    expect(last()).toMatchObject({ type: 'checked', id: 3, check: { issues: [] } });
  });

  it('names the cell when a chosen input holds text, and counts rows left out for missing cells', async () => {
    const { s, last } = session();
    const text = 'a,b,y\n1,2,u\n3,,v\n4,x,u\n5,6,v\n';
    await s.handle({ type: 'open-file', id: 1, file: file(text, 'cells.csv') });
    const opened = last();
    if (opened.type !== 'preview') throw new Error(JSON.stringify(opened));
    const hash = opened.preview.summary.hash;
    const setup = { inputs: ['a', 'b'], labels: [{ column: 'y', kind: 'classes' as const }] };
    await s.handle({ type: 'check', id: 2, hash, setup, missing: 'drop-rows' });
    const checked = last();
    if (checked.type !== 'checked') throw new Error(JSON.stringify(checked));
    expect(checked.check.issues).toHaveLength(1);
    expect(checked.check.issues[0]).toMatch(/'b' row 4 holds 'x', not a number/);
    expect(checked.check).toMatchObject({ kept: 3, dropped: 1, firstDroppedRow: 3 });
  });

  it('opens a kept file again by its hash, and says so when it is gone', async () => {
    const { db, s, last } = session();
    await s.handle({ type: 'open-file', id: 1, file: file(TWO_LABELS, 'two-labels.csv') });
    const hash = contentHash(TWO_LABELS);
    await s.handle({ type: 'open-stored', id: 2, hash });
    expect(last()).toMatchObject({
      type: 'preview',
      id: 2,
      preview: { summary: { hash, rows: 400 }, isNew: false },
    });
    // Dropped again: already kept, so not new (a Cancel must not remove it).
    await s.handle({ type: 'open-file', id: 3, file: file(TWO_LABELS, 'again.csv') });
    expect(last()).toMatchObject({
      type: 'preview',
      preview: { isNew: false, summary: { name: 'again.csv' } },
    });
    await db.delete(hash);
    await s.handle({ type: 'open-stored', id: 4, hash });
    expect(last()).toEqual({
      type: 'error',
      id: 4,
      message: `The data file with hash ${hash} is no longer stored in this browser: drop it on the page again.`,
    });
  });
});
