/**
 * The user's data files as the page sees them (zustand/vanilla, apart from the experiment's store): the
 * "Your data" list, the file being read, and the open preview with the setup being chosen. The cells of a
 * file stay in the data worker; the page holds the profile, the first rows and the worker's verdict.
 */
import { createStore } from 'zustand/vanilla';
import type { CsvSetup } from '../../engine/tasks/csv/types';
import type { DatasetSummary } from '../../worker/data/dataset-db';
import type { DataPreview, SetupCheck } from '../../worker/data/data-protocol';
import { DEFAULT_DATA_OPTIONS, type DataOptions } from './data-config';

export interface DataState {
  /** Stored files, newest first. */
  datasets: DatasetSummary[];
  /** A file being read (its name and the share read), or null. */
  reading: { name: string; fraction: number } | null;
  preview: DataPreview | null;
  /** The setup chosen in the preview (starts as the engine's suggestion). */
  setup: CsvSetup | null;
  options: DataOptions;
  /** The data worker's verdict on `setup`; null while it is being checked. */
  check: SetupCheck | null;
  /** Why the last file could not be opened (one line), or why "Train on this data" was refused. */
  error: string | null;
}

export const initialDataState = (): DataState => ({
  datasets: [],
  reading: null,
  preview: null,
  setup: null,
  options: DEFAULT_DATA_OPTIONS,
  check: null,
  error: null,
});

export const dataStore = createStore<DataState>(() => initialDataState());
export type DataStore = typeof dataStore;
