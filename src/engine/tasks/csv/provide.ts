/**
 * How a `csv` task finds its file. The suite is page-safe and builds synchronously, so it reads nothing
 * itself (the pattern of tasks/mnist-digits.ts): an entry point hands the parsed file over first.
 * - The app's worker calls `provideCsvData(data, file)` after reading the file from IndexedDB or the app's
 *   own files, when `needsCsvData(config)` says a config needs one that `hasCsvData` does not find.
 * - Node entry points (CLI, tests) set a synchronous loader, `setCsvLoader(file => CsvData)`, which reads
 *   and parses a path (the CLI resolves it against the config file's folder first).
 * A config may pin the data's content hash: then only data with that hash is used, and other data under
 * the same name is refused with both hashes named.
 */
import { oneLine } from '../../params/describe';
import { CsvError } from './errors';
import type { CsvData } from './types';

/** What a config says about its data: the file (a name, or a path relative to the config) and its hash. */
export interface CsvRef {
  file: string;
  /** '' when not pinned. */
  hash: string;
}

const byHash = new Map<string, CsvData>();
const byFile = new Map<string, CsvData>();
/** Reads a config's `file`; `base` is the folder a relative path starts from (undefined: the loader's own). */
export type CsvLoader = (file: string, base: string | undefined) => CsvData;

let loader: CsvLoader | null = null;
let base: string | undefined;

/**
 * Hand a parsed file to the engine: found by its hash, by its own name, and by `file` (the name a config
 * gives it, e.g. "../data/penguins.csv") when given. The latest data under a name wins. Null forgets all.
 */
export function provideCsvData(data: CsvData | null, file?: string): void {
  if (data === null) {
    byHash.clear();
    byFile.clear();
    return;
  }
  byHash.set(data.hash, data);
  byFile.set(data.name, data);
  if (file !== undefined) byFile.set(file, data);
}

/** A synchronous reader of a config's `file` (Node entry points), or null to remove it. */
export function setCsvLoader(load: CsvLoader | null): void {
  loader = load;
}

/** Whether a loader is set (Node), so that data can be had without the page providing it. */
export const hasCsvLoader = (): boolean => loader !== null;

/**
 * The folder the loader resolves relative paths against: the CLI sets the config file's folder while it
 * runs that config, and undefined afterwards. Returns the previous one, to restore.
 */
export function setCsvBase(folder: string | undefined): string | undefined {
  const previous = base;
  base = folder;
  return previous;
}

/** The data reference of a csv config, or null for any other task. */
export function needsCsvData(config: { task: { id: string; params?: object } }): CsvRef | null {
  if (config.task.id !== 'csv') return null;
  const params = (config.task.params ?? {}) as { file?: unknown; hash?: unknown };
  return {
    file: typeof params.file === 'string' ? params.file : DEFAULT_CSV_FILE,
    hash: typeof params.hash === 'string' ? params.hash : '',
  };
}

/** The example the suite's defaults name, relative to the presets folder (public/presets/). */
export const DEFAULT_CSV_FILE = '../data/penguins.csv';

/** Whether building would find data for `ref` without loading anything. */
export function hasCsvData(ref: CsvRef): boolean {
  return ref.hash ? byHash.has(ref.hash) : byFile.has(ref.file);
}

const pinned = (ref: CsvRef) => (ref.hash ? `hash ${ref.hash}` : 'hash not pinned');

/** The data for `ref`: provided, else loaded; one CsvError line when neither or when the hash differs. */
export function csvData(ref: CsvRef): CsvData {
  const found =
    (ref.hash ? byHash.get(ref.hash) : undefined) ?? byFile.get(ref.file) ?? loader?.(ref.file, base);
  if (!found)
    throw new CsvError(
      `the data file ${oneLine(ref.file, 60)} (${pinned(ref)}) is not loaded: in the app, drop the file on the page; in the CLI, give its path relative to the config file`,
    );
  if (ref.hash && found.hash !== ref.hash)
    throw new CsvError(
      `${oneLine(ref.file, 60)}: the file's content hash is ${found.hash}, the config pins ${ref.hash}: it is not the same data; accepted: the file with hash ${ref.hash} (or an empty hash to use whatever file has this name)`,
      { field: 'hash' },
    );
  return found;
}
