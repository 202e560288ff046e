import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { csvData, hasCsvData } from '../../engine/tasks/csv/provide';
import { contentHash } from '../../engine/tasks/csv/hash';
import { prepareCsvData } from './csv-task-data';
import { DatasetDb } from './dataset-db';

const config = (file: string, hash: string) => ({
  task: { id: 'csv', params: { file, hash, inputs: ['a'], labels: ['y'] } },
});

describe('prepareCsvData', () => {
  it("hands the engine a stored file, found by the config's hash", async () => {
    const text = 'a,y\n1,u\n2,v\n3,u\n4,v\n5,u\n';
    const hash = contentHash(text);
    await new DatasetDb().put(
      { hash, name: 'mine.csv', bytes: text.length, addedAt: 1, rows: 5, columns: ['a', 'y'] },
      text,
    );
    expect(hasCsvData({ file: 'mine.csv', hash })).toBe(false);
    await prepareCsvData(config('mine.csv', hash));
    expect(csvData({ file: 'mine.csv', hash })).toMatchObject({ name: 'mine.csv', hash, rowCount: 5 });
  });

  it('says which file is needed when this browser does not have it', async () => {
    await expect(prepareCsvData(config('gone.csv', '00000000deadbeef'))).rejects.toThrow(
      'This run needs the data file gone.csv (hash 00000000deadbeef), which is not stored in this browser: drop it on the page.',
    );
  });

  it('leaves other task suites alone', async () => {
    await expect(prepareCsvData({ task: { id: 'toy' } })).resolves.toBeUndefined();
  });
});
