/**
 * Own data from a delimited text file (CSV or TSV with a header row): the shapes shared by the engine's
 * parser and `csv` task suite (src/engine/tasks/csv/), the app's data worker, preview and IndexedDB store
 * (src/worker/data/, src/state/data/, src/ui/data/) and the CLI. Page-safe: no tfjs, no DOM.
 *
 * Row numbers in every message are the file's line numbers as a spreadsheet shows them: the header is
 * row 1, the first data row is row 2.
 */

/** What the parser accepts; anything beyond gets one line naming the limit. */
export const CSV_LIMITS = {
  /** Data rows (header excluded). */
  maxRows: 100_000,
  maxColumns: 1_000,
  /** Distinct values a classification label may have (and a text column may have to be shown as classes). */
  maxClasses: 100,
  /** Bytes of a file (a larger file is refused before it is read). */
  maxBytes: 200 * 1024 * 1024,
} as const;

/** How a column reads, detected from its cells (missing cells aside). */
export type ColumnType =
  /** Every present cell is a finite number. */
  | 'numeric'
  /** Some present cell is not a number: usable only as a classification label (its distinct values). */
  | 'text'
  /** One distinct value (or none): carries no information, refused as an input or label. */
  | 'constant';

/** What the preview table shows per column, and what the setup checks read. */
export interface ColumnProfile {
  name: string;
  /** 0-based position in the header. */
  index: number;
  type: ColumnType;
  /** Cells that are empty or a missing marker ("", "NA", "N/A", "NaN", "null", "?", "-"), case-insensitive. */
  missing: number;
  /** Row (spreadsheet numbering) of the first missing cell, when any. */
  firstMissingRow?: number;
  /** Numeric-looking columns with a stray: the first present cell that is not a number (text columns). */
  firstText?: { row: number; value: string };
  /** Distinct present values, counted up to CSV_LIMITS.maxClasses + 1 (more reads as "over the limit"). */
  distinct: number;
  /** The distinct values in first-seen order when distinct <= CSV_LIMITS.maxClasses (class names). */
  values?: string[];
  /** Numeric columns: over present cells. */
  min?: number;
  max?: number;
  mean?: number;
  std?: number;
  /** Whether the column would be offered as a classification label (few distinct values), and as regression. */
  canClassify: boolean;
  canRegress: boolean;
}

/** A parsed file: its cells by column, as text (numbers are parsed when a task is built). */
export interface CsvData {
  /** The file's name as the user gave it (or its path relative to the config, in the CLI). */
  name: string;
  /** Content hash of the file's text (contentHash in hash.ts): what a run records to say which data it needs. */
  hash: string;
  delimiter: ',' | '\t' | ';';
  columns: string[];
  rowCount: number;
  /** cells[c][r]: column c, data row r (0-based; spreadsheet row r + 2). */
  cells: string[][];
}

/** How a label column is learned. */
export type LabelKind = 'classes' | 'regression';

/**
 * The task setup a user picks in the preview (and a config states in `task.params`): input columns, label
 * columns (one task each) with their kind, and for a classification label optionally the classes to keep
 * (`task.params.classes`, class-lists.ts): rows of other classes are left out (missing 'drop-rows') or
 * refused with the row named ('reject'); absent: every class.
 */
export interface CsvSetup {
  inputs: string[];
  labels: { column: string; kind: LabelKind; classes?: string[] }[];
}
