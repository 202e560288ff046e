/**
 * What the data controls do: open a dropped or picked file (in the data worker), open a stored one, pick
 * each column's role, and "Train on this data", which goes through the experiment store's changeConfig
 * (so Undo and the URL work as for any other change) and then starts training. A file that fails leaves
 * everything as it was: the experiment, the runs, the stored files and the open preview; only the one
 * line is shown.
 */
import type { FromDataWorker, ToDataWorker } from '../../worker/data/data-protocol';
import type { DatasetDb } from '../../worker/data/dataset-db';
import { changeConfig, train } from '../actions';
import { showTab } from '../classroom/classroom-store';
import type { PlaygroundStore } from '../store';
import { dataConfig, withPlainChoices, type DataOptions } from './data-config';
import { dataStore } from './data-store';
import { withClassKept, withRole, type ColumnRole } from './roles';

/** What the actions need of the data worker's client (data-client.ts). */
export interface DataClientLike {
  send(message: ToDataWorker): void;
  subscribe(listener: (message: FromDataWorker) => void): () => void;
}

let client: DataClientLike | null = null;
/** The database, opened on first use (Dexie is loaded then, not with the page). */
let openDb: (() => Promise<DatasetDb>) | null = null;
let playground: PlaygroundStore | null = null;
/** The open request whose answer counts (a later drop wins over an earlier one still being read). */
let openId = 0;
let checkId = 0;
let lastId = 0;

export function connectData(c: DataClientLike, d: () => Promise<DatasetDb>, p: PlaygroundStore): () => void {
  client = c;
  openDb = d;
  playground = p;
  const unsubscribe = c.subscribe(receive);
  void refreshDatasets();
  return unsubscribe;
}

function receive(message: FromDataWorker): void {
  const set = dataStore.setState;
  switch (message.type) {
    case 'progress':
      if (message.id === openId) set({ reading: { name: message.name, fraction: message.fraction } });
      return;
    case 'preview': {
      if (message.id !== openId) return;
      const { preview } = message;
      // A new file's preview replacing another's is the other's Cancel: a file it stored goes again.
      const replaced = dataStore.getState().preview;
      if (replaced?.isNew && replaced.summary.hash !== preview.summary.hash)
        void deleteDataset(replaced.summary.hash);
      set({ preview, setup: preview.suggested, check: null, reading: null, error: null });
      void refreshDatasets();
      requestCheck();
      return;
    }
    case 'checked':
      if (message.id === checkId) set({ check: message.check });
      return;
    case 'error':
      // An open that failed, or the worker itself: one line; the preview (if any) stays as it was.
      if (message.id === null || message.id === openId) set({ reading: null, error: message.message });
      return;
  }
}

export async function refreshDatasets(): Promise<void> {
  if (!openDb) return;
  try {
    dataStore.setState({ datasets: await (await openDb()).list() });
  } catch (error) {
    dataStore.setState({
      error: `Your stored data files could not be read: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

export function openFile(file: File): void {
  openId = ++lastId;
  dataStore.setState({ reading: { name: file.name, fraction: 0 }, error: null });
  client?.send({ type: 'open-file', id: openId, file });
}

export function openStored(hash: string): void {
  const name = dataStore.getState().datasets.find((d) => d.hash === hash)?.name ?? 'data file';
  openId = ++lastId;
  dataStore.setState({ reading: { name, fraction: 0 }, error: null });
  client?.send({ type: 'open-stored', id: openId, hash });
}

function requestCheck(): void {
  const { preview, setup, options } = dataStore.getState();
  if (!preview || !setup) return;
  checkId = ++lastId;
  dataStore.setState({ check: null });
  client?.send({ type: 'check', id: checkId, hash: preview.summary.hash, setup, missing: options.missing });
}

export function setColumnRole(column: string, role: ColumnRole): void {
  const { preview, setup } = dataStore.getState();
  if (!preview || !setup) return;
  dataStore.setState({ setup: withRole(setup, preview.profiles, column, role) });
  requestCheck();
}

/** Tick (keep) or untick a class of a label column: its rows are left out of training when unticked. */
export function setClassKept(column: string, value: string, keep: boolean): void {
  const { preview, setup } = dataStore.getState();
  const profile = preview?.profiles.find((p) => p.name === column);
  if (!preview || !setup || !profile) return;
  dataStore.setState({ setup: withClassKept(setup, profile, value, keep) });
  requestCheck();
}

export function setDataOptions(change: Partial<DataOptions>): void {
  const before = dataStore.getState().options;
  dataStore.setState({ options: { ...before, ...change } });
  if (change.missing !== undefined && change.missing !== before.missing) requestCheck();
}

const closeDialog = () => dataStore.setState({ preview: null, setup: null, check: null });

/**
 * Cancel: the dialog closes and nothing has changed, so a file this preview stored for the first time is
 * removed again (one the list already had stays).
 */
export function closePreview(): void {
  const { preview } = dataStore.getState();
  closeDialog();
  if (preview?.isNew) void deleteDataset(preview.summary.hash);
}
export const dismissDataError = () => dataStore.setState({ error: null });

/**
 * Set the experiment to the open file with the chosen setup, then train as soon as the new trainer is
 * ready. Returns false (and leaves the dialog open, with the reason as its error) when the config is
 * refused; a change that needs confirmation (a run in progress) waits for it as any other change does.
 */
export function trainOnData(): boolean {
  const { preview, setup, options, check } = dataStore.getState();
  if (!preview || !setup || !playground || !check || check.issues.length) return false;
  const store = playground;
  const file = { name: preview.summary.name, hash: preview.summary.hash };
  const raw = dataConfig(store.getState().config, file, setup, options, check.kept);
  let refused = changeConfig(raw);
  if (refused) refused = changeConfig(withPlainChoices(raw));
  if (refused) {
    dataStore.setState({ error: `The experiment refused this setup: ${refused.message}` });
    return false;
  }
  closeDialog(); // the file stays kept: the run needs it
  showTab('training'); // where the charts and the run are
  const state = store.getState();
  if (state.pendingChange) return true; // the banner asks before the run in progress is dropped
  const applied = state.config;
  const unsubscribe = store.subscribe((s) => {
    if (s.config !== applied || s.status === 'error') unsubscribe();
    else if (s.status === 'ready') {
      unsubscribe();
      train();
    }
  });
  return true;
}

/** Delete a stored file (after the list's confirmation). Runs that used it keep their record. */
export async function deleteDataset(hash: string): Promise<void> {
  if (!openDb) return;
  await (await openDb()).delete(hash);
  await refreshDatasets();
}
