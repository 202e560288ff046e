/**
 * Typed messages between the page and the data worker (data.worker.ts): the worker parses a dropped or
 * picked file while streaming it (the page stays responsive on a 100,000-row file), profiles its columns,
 * keeps it in IndexedDB (dataset-db.ts) and answers with what the preview dialog shows. The page never
 * holds a file's cells: it asks the worker to check a setup against the file it opened last. The state
 * layer imports this file: types only.
 */
import type { ColumnProfile, CsvSetup } from '../../engine/tasks/csv/types';
import type { DatasetSummary } from './dataset-db';

/** How many data rows the preview table shows. */
export const PREVIEW_ROWS = 20;

/** What the preview dialog shows of a file that parsed. */
export interface DataPreview {
  summary: DatasetSummary;
  delimiter: ',' | '\t' | ';';
  profiles: ColumnProfile[];
  /** The first PREVIEW_ROWS data rows, each row's cells in header order. */
  head: string[][];
  /** The setup the engine suggests (suggestSetup): preselected in the dialog. */
  suggested: CsvSetup;
  /** Whether the file is now kept in this browser; when not (storage full), `storeNote` says why. */
  stored: boolean;
  storeNote?: string;
  /** Whether this open stored it for the first time: Cancel then removes it again (nothing changed). */
  isNew: boolean;
}

/** How a setup fares on the open file: the engine's issues (one line each) and the rows it would use. */
export interface SetupCheck {
  issues: string[];
  /** Rows kept and left out for a missing cell in a chosen column (policy 'drop-rows') or an unticked class. */
  kept: number;
  dropped: number;
  /** Of `dropped`, the rows left out only because their class is not kept (absent when none). */
  droppedForClass?: number;
  /** Spreadsheet row of the first row left out. */
  firstDroppedRow?: number;
}

export type MissingPolicy = 'drop-rows' | 'reject';

export type ToDataWorker =
  /** Parse, profile and keep a file from a drop or the file picker. */
  | { type: 'open-file'; id: number; file: File }
  /** Open a file kept in IndexedDB ("Your data" → Use). */
  | { type: 'open-stored'; id: number; hash: string }
  /** Check a setup against the file opened last (`hash` must be it). */
  | { type: 'check'; id: number; hash: string; setup: CsvSetup; missing: MissingPolicy };

export type FromDataWorker =
  /** Reading a large file: the share read so far (0..1). */
  | { type: 'progress'; id: number; name: string; fraction: number }
  | { type: 'preview'; id: number; preview: DataPreview }
  | { type: 'checked'; id: number; hash: string; check: SetupCheck }
  /** The request failed: one line (a bad file names its row or column and what is accepted). */
  | { type: 'error'; id: number | null; message: string };

export type DataPost = (message: FromDataWorker) => void;
