/**
 * Runs and studies in IndexedDB (issue 12), through Dexie (a well-kept wrapper; no hand-written IndexedDB).
 * Everything the app keeps across reloads and crashed tabs lives here: finished, stopped and diverged runs,
 * studies, and the checkpoint of the run in progress. Writes that fail because the browser's storage is full
 * reject with `StorageFullError`, whose message says what to do; a failed write changes nothing stored
 * (each write is one transaction).
 */
import Dexie, { type Table } from 'dexie';
import type { RunRecord, StudySpec, StudySummary } from '../../engine/study/types';

/** A stored study: its spec, the ids of its runs (in plan order) and, once finished, its summary. */
export interface StudyRecord {
  id: string;
  name: string;
  spec: StudySpec;
  runIds: string[];
  /** How many runs the plan has (runIds grows as they finish). */
  planned: number;
  summary: StudySummary | null;
  status: 'running' | 'finished' | 'cancelled';
  createdAt: number;
}

/** The run in progress, saved every few seconds so that a reload can resume it. */
export interface CheckpointRecord {
  /** The run's id (the RunRecord it will become). */
  id: string;
  savedAt: number;
  /** The run so far (history up to the checkpoint). */
  run: RunRecord;
  /** The trainer's state (engine `TrainerCheckpoint`), structured-cloneable. */
  trainer: unknown;
}

export class StorageFullError extends Error {
  constructor(what: string) {
    super(
      `Could not save ${what}: the browser's storage for this site is full. Delete old runs (Runs → Delete) or free space; nothing already saved was lost.`,
    );
    this.name = 'StorageFullError';
  }
}

class PlaygroundDb extends Dexie {
  runs!: Table<RunRecord, string>;
  studies!: Table<StudyRecord, string>;
  checkpoints!: Table<CheckpointRecord, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ runs: 'id, createdAt', studies: 'id, createdAt', checkpoints: 'id' });
  }
}

const isQuotaError = (error: unknown): boolean => {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map(
    (e) => (e as { name?: string } | null)?.name,
  );
  return names.some((n) => n === 'QuotaExceededError' || n === 'QuotaExceeded');
};

/** Turn a quota failure into StorageFullError naming what was being saved; rethrow anything else. */
async function guarded<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(what);
    throw error;
  }
}

export class RunDb {
  private readonly db: PlaygroundDb;

  constructor(name = 'mtl-playground') {
    this.db = new PlaygroundDb(name);
  }

  putRun(run: RunRecord): Promise<void> {
    return guarded(`the run "${run.name}"`, async () => void (await this.db.runs.put(run)));
  }
  /** Several runs (and the study they belong to) in one transaction: all are stored, or (storage full) none. */
  putRuns(runs: RunRecord[], study?: StudyRecord): Promise<void> {
    const what = study
      ? `the study "${study.name}"`
      : runs.length === 1
        ? `the run "${runs[0]?.name}"`
        : `${runs.length} runs`;
    return guarded(what, () =>
      this.db.transaction('rw', this.db.runs, this.db.studies, async () => {
        await this.db.runs.bulkPut(runs);
        if (study) await this.db.studies.put(study);
      }),
    );
  }
  /** Newest first. */
  async listRuns(): Promise<RunRecord[]> {
    return (await this.db.runs.orderBy('createdAt').toArray()).reverse();
  }
  getRun(id: string): Promise<RunRecord | undefined> {
    return this.db.runs.get(id);
  }
  async renameRun(id: string, name: string): Promise<void> {
    await guarded(`the new name "${name}"`, () => this.db.runs.update(id, { name }));
  }
  async deleteRun(id: string): Promise<void> {
    await this.db.runs.delete(id);
  }

  putStudy(study: StudyRecord): Promise<void> {
    return guarded(`the study "${study.name}"`, async () => void (await this.db.studies.put(study)));
  }
  async listStudies(): Promise<StudyRecord[]> {
    return (await this.db.studies.orderBy('createdAt').toArray()).reverse();
  }
  async deleteStudy(id: string): Promise<void> {
    await this.db.studies.delete(id);
  }

  putCheckpoint(checkpoint: CheckpointRecord): Promise<void> {
    return guarded('the checkpoint of the run in progress', async () => {
      await this.db.checkpoints.put(checkpoint);
    });
  }
  /** The newest checkpoint, if a run was interrupted. */
  async latestCheckpoint(): Promise<CheckpointRecord | undefined> {
    const all = await this.db.checkpoints.toArray();
    return all.sort((a, b) => b.savedAt - a.savedAt)[0];
  }
  getCheckpoint(id: string): Promise<CheckpointRecord | undefined> {
    return this.db.checkpoints.get(id);
  }
  async deleteCheckpoint(id: string): Promise<void> {
    await this.db.checkpoints.delete(id);
  }

  close(): void {
    this.db.close();
  }
}
