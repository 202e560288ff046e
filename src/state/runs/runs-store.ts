/**
 * The stored runs as the page sees them (zustand/vanilla, like the main store): a summary of every run for
 * the list, the full records of the runs ticked for overlay (the charts draw them: `selectOverlay`), the
 * checkpoint a reload may resume, and one error line (a full disk, a bad import file). Every action writes
 * through RunDb first and changes the state only once the write succeeded, so the list never shows a run
 * that is not stored, and a failed write (StorageFullError) leaves both as they were.
 */
import { createStore } from 'zustand/vanilla';
import type { RunRecord } from '../../engine/study/types';
import type { RunDb } from './run-db';
import type { RunFileContents } from './run-file';
import { withFreshIds } from './fresh-ids';
import { summarize, type RunSummary } from './run-summary';

export { newRunId } from './fresh-ids';

export type { RunSummary } from './run-summary';

/** At most this many runs on the charts at once: beyond it line styles repeat and the charts turn to noise. */
export const MAX_OVERLAY = 6;

/** An interrupted run the page can resume (its checkpoint is in RunDb). */
export interface Resumable {
  id: string;
  name: string;
  step: number;
}

export interface RunsState {
  runs: RunSummary[];
  /** Full records of the runs selected for overlay, in the order they were ticked (≤ MAX_OVERLAY). */
  overlay: RunRecord[];
  /** One line for the user (storage full, a bad import file, too many overlays); null when all is well. */
  error: string | null;
  /** What the last import or delete did, for the list's status line (with undo after a delete). */
  notice: string | null;
  /** The last deleted run, kept in memory so that Undo can put it back. */
  deleted: RunRecord | null;
  resumable: Resumable | null;
  /** Stored studies' names by id, for the list's study filter. */
  studies: { id: string; name: string }[];
  loaded: boolean;

  load(): Promise<void>;
  /** The whole stored record (for export), or undefined when it is gone. */
  fetch(id: string): Promise<RunRecord | undefined>;
  /** Store (insert or replace) a run; false when it could not be saved (`error` says why). */
  save(record: RunRecord): Promise<boolean>;
  rename(id: string, name: string): Promise<void>;
  delete(id: string): Promise<void>;
  undoDelete(): Promise<void>;
  toggleOverlay(id: string): Promise<void>;
  /**
   * Import an exported run or study file (its text; `fileName` for the error line). Runs (and a study) get
   * fresh ids, so importing twice keeps both. Returns how many runs were stored.
   */
  import(text: string, fileName?: string): Promise<number>;
  setResumable(resumable: Resumable | null): void;
  dismissError(): void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createRunsStore(getDb: () => Promise<RunDb>) {
  return createStore<RunsState>()((set, get) => {
    /** Run a write; on failure show its message (StorageFullError's says what to do) and change nothing. */
    async function attempt(write: () => Promise<void>): Promise<boolean> {
      try {
        await write();
        return true;
      } catch (error) {
        set({ error: describe(error) });
        return false;
      }
    }
    const upsert = (record: RunRecord) => {
      const summary = summarize(record);
      const others = get().runs.filter((r) => r.id !== record.id);
      // Newest first, as RunDb lists them.
      const runs = [...others, summary].sort((a, b) => b.createdAt - a.createdAt);
      const overlay = get().overlay.map((r) => (r.id === record.id ? record : r));
      set({ runs, overlay });
    };

    return {
      runs: [],
      overlay: [],
      error: null,
      notice: null,
      deleted: null,
      resumable: null,
      studies: [],
      loaded: false,

      async load() {
        await attempt(async () => {
          const db = await getDb();
          const [records, checkpoint, studies] = await Promise.all([
            db.listRuns(),
            db.latestCheckpoint(),
            db.listStudies(),
          ]);
          const ids = new Set(records.map((r) => r.id));
          set({
            runs: records.map(summarize),
            studies: studies.map((s) => ({ id: s.id, name: s.name })),
            overlay: get().overlay.filter((r) => ids.has(r.id)),
            resumable: checkpoint
              ? {
                  id: checkpoint.id,
                  name: checkpoint.run.name,
                  step: checkpoint.run.history[checkpoint.run.history.length - 1]?.step ?? 0,
                }
              : null,
          });
        });
        set({ loaded: true });
      },

      fetch: async (id) => (await getDb()).getRun(id),

      save: (record) => attempt(async () => (await (await getDb()).putRun(record), upsert(record))),

      async rename(id, name) {
        const clean = name.trim();
        if (!clean)
          return set({ error: 'A run needs a name: type at least one character (Esc keeps the old name).' });
        const record = await (await getDb()).getRun(id);
        if (!record) return;
        await attempt(async () => {
          await (await getDb()).renameRun(id, clean);
          upsert({ ...record, name: clean });
        });
      },

      async delete(id) {
        const record = await (await getDb()).getRun(id);
        if (!record) return;
        await attempt(async () => {
          await (await getDb()).deleteRun(id);
          set({
            runs: get().runs.filter((r) => r.id !== id),
            overlay: get().overlay.filter((r) => r.id !== id),
            deleted: record,
            notice: `Deleted "${record.name}".`,
          });
        });
      },

      async undoDelete() {
        const record = get().deleted;
        if (!record) return;
        if (await attempt(async () => (await (await getDb()).putRun(record), upsert(record))))
          set({ deleted: null, notice: `Restored "${record.name}".` });
      },

      async toggleOverlay(id) {
        const { overlay } = get();
        if (overlay.some((r) => r.id === id)) return set({ overlay: overlay.filter((r) => r.id !== id) });
        if (overlay.length >= MAX_OVERLAY)
          return set({ error: `At most ${MAX_OVERLAY} runs can be overlaid at once: untick one first.` });
        const record = await (await getDb()).getRun(id);
        if (record) set({ overlay: [...get().overlay, record], error: null });
      },

      async import(text, fileName) {
        // The checks (and the study summary they recompute) load with the first import, not with the page.
        const { readRunFile, RunFileError } = await import('./run-file');
        let contents: RunFileContents;
        try {
          contents = readRunFile(text);
        } catch (error) {
          const line = error instanceof RunFileError ? error.message : describe(error);
          set({ error: fileName ? `Could not import ${fileName}: ${line}` : line });
          return 0;
        }
        const { runs: fresh, study } = withFreshIds(contents, Date.now());
        if (!(await attempt(async () => (await getDb()).putRuns(fresh, study ?? undefined)))) return 0;
        await get().load();
        const what = `${fresh.length} run${fresh.length === 1 ? '' : 's'}`;
        set({
          error: null,
          notice: study ? `Imported the study "${study.name}" with ${what}.` : `Imported ${what}.`,
          deleted: null,
        });
        return fresh.length;
      },

      setResumable: (resumable) => set({ resumable }),
      dismissError: () => set({ error: null }),
    };
  });
}

export type RunsStore = ReturnType<typeof createRunsStore>;

/** The full records the charts overlay on the live run. */
export const selectOverlay = (state: RunsState): RunRecord[] => state.overlay;

let db: Promise<RunDb> | null = null;
/**
 * The app's database, opened on first use. Dexie loads then too (a dynamic import): the page's first
 * bundle has a size budget (test/browser/bundle.test.ts), and the list can appear a moment after the page.
 */
export const appDb = (): Promise<RunDb> => (db ??= import('./run-db').then((m) => new m.RunDb()));
/** The app's one runs store. */
export const runsStore: RunsStore = createRunsStore(appDb);
