/**
 * The user's own data files in IndexedDB (issue 14), through Dexie as the runs are (state/runs/run-db.ts),
 * in a database of their own so that a data file can never disturb a stored run. The data worker writes a
 * file here once it has parsed it; the page lists and deletes; the training and study workers read a file
 * back by its content hash (the hash a run's config pins). The file's text lives in a second table, so that
 * listing the datasets never reads megabytes of text. Nothing here is ever sent anywhere.
 */
import Dexie, { type Table } from 'dexie';

/** What the "Your data" list shows of a stored file. */
export interface DatasetSummary {
  /** Content hash of the text (engine/tasks/csv hash.ts): the key, and what a run's config pins. */
  hash: string;
  /** The file's name as the user gave it. */
  name: string;
  /** The file's size in bytes. */
  bytes: number;
  /** When it was first stored (ms since 1970). */
  addedAt: number;
  /** Data rows (header excluded). */
  rows: number;
  /** The header's column names. */
  columns: string[];
}

interface DatasetText {
  hash: string;
  text: string;
}

/** The default database name: apart from the runs' 'mtl-playground'. */
export const DATASET_DB_NAME = 'mtl-playground-data';

class DataDb extends Dexie {
  datasets!: Table<DatasetSummary, string>;
  texts!: Table<DatasetText, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ datasets: 'hash, addedAt', texts: 'hash' });
  }
}

const isQuotaError = (error: unknown): boolean =>
  [error, (error as { inner?: unknown } | null)?.inner]
    .map((e) => (e as { name?: string } | null)?.name)
    .some((n) => n === 'QuotaExceededError' || n === 'QuotaExceeded');

export class DatasetDb {
  private readonly db: DataDb;

  constructor(name = DATASET_DB_NAME) {
    this.db = new DataDb(name);
  }

  /**
   * Store a file (summary and text in one transaction: both or neither). The same content stored again
   * keeps its first `addedAt` and takes the newer name. A full storage rejects with one line; nothing
   * stored before is touched.
   */
  async put(summary: DatasetSummary, text: string): Promise<DatasetSummary> {
    try {
      return await this.db.transaction('rw', this.db.datasets, this.db.texts, async () => {
        const before = await this.db.datasets.get(summary.hash);
        const kept = before ? { ...summary, addedAt: before.addedAt } : summary;
        await this.db.datasets.put(kept);
        await this.db.texts.put({ hash: summary.hash, text });
        return kept;
      });
    } catch (error) {
      if (isQuotaError(error))
        throw new Error(
          `Could not keep "${summary.name}": the browser's storage for this site is full. Delete a data file (Your data → Delete) or old runs; nothing already saved was lost.`,
          { cause: error },
        );
      throw error;
    }
  }

  /** Newest first. */
  async list(): Promise<DatasetSummary[]> {
    return (await this.db.datasets.orderBy('addedAt').toArray()).reverse();
  }

  get(hash: string): Promise<DatasetSummary | undefined> {
    return this.db.datasets.get(hash);
  }

  async text(hash: string): Promise<string | undefined> {
    return (await this.db.texts.get(hash))?.text;
  }

  async delete(hash: string): Promise<void> {
    await this.db.transaction('rw', this.db.datasets, this.db.texts, async () => {
      await this.db.datasets.delete(hash);
      await this.db.texts.delete(hash);
    });
  }

  close(): void {
    this.db.close();
  }
}
