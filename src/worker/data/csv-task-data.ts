/**
 * A `csv` config's data, found before its trainer builds (task-data.ts). Where it is looked for, in order:
 * 1. IndexedDB (dataset-db.ts), by the content hash the config pins: the file the user dropped, in any tab,
 *    after any reload; with no hash pinned, the newest stored file of that name.
 * 2. The app's own files: a shipped example's `file` is a path relative to the presets folder, as in the
 *    CLI it is relative to the config ("../data/penguins.csv" from presets/penguins.json).
 * Neither: one line naming the file and its hash and what to do. A file found but with another hash is
 * handed over as it is: the suite refuses it with both hashes named.
 */
import { csvNeeds, hasCsv, parseCsvString, provideCsv, type CsvRef } from './csv-engine';
import { DatasetDb } from './dataset-db';

let db: DatasetDb | null = null;
const database = () => (db ??= new DatasetDb());

/**
 * The app's presets folder. The built app keeps every chunk (workers included) in assets/, beside
 * presets/; the dev server serves public/ at its root. (A variable, not a literal: Vite would try to
 * bundle `new URL('literal', import.meta.url)` as an asset.)
 */
function presetsFolder(): URL {
  const fromAssets = '../presets/';
  // Typed loosely: Node's tests compile this file without Vite's client types or the DOM.
  const dev = (import.meta as { env?: { DEV?: boolean } }).env?.DEV === true;
  const origin = (globalThis as { location?: { origin: string } }).location?.origin;
  return dev && origin ? new URL('/presets/', origin) : new URL(fromAssets, import.meta.url);
}

export const notStoredLine = (ref: CsvRef): string =>
  `This run needs the data file ${ref.file} (hash ${ref.hash || 'not pinned'}), which is not stored in this browser: drop it on the page.`;

async function fromDatabase(ref: CsvRef): Promise<string | null> {
  try {
    const store = database();
    if (ref.hash) return (await store.text(ref.hash)) ?? null;
    const named = (await store.list()).find((d) => d.name === ref.file);
    return named ? ((await store.text(named.hash)) ?? null) : null;
  } catch {
    return null; // no IndexedDB here (a private window may refuse it): the app's own files may still have it
  }
}

async function fromAppFiles(ref: CsvRef): Promise<string | null> {
  // A user's file is named without a folder; only shipped examples are paths into the app's files.
  if (!ref.file.includes('/')) return null;
  try {
    const response = await fetch(new URL(ref.file, presetsFolder()));
    const type = response.headers.get('content-type') ?? '';
    // A dev server answers an unknown path with the page itself: that is not the file.
    return response.ok && !type.includes('text/html') ? await response.text() : null;
  } catch {
    return null;
  }
}

export async function prepareCsvData(config: { task: { id: string; params?: object } }): Promise<void> {
  const ref = csvNeeds(config);
  if (!ref || hasCsv(ref)) return;
  const text = (await fromDatabase(ref)) ?? (await fromAppFiles(ref));
  if (text === null) throw new Error(notStoredLine(ref));
  const name = ref.file.split('/').pop() ?? ref.file;
  provideCsv(parseCsvString(text, name), ref.file);
}
