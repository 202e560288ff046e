/**
 * What each column of a parsed file holds (the preview's detected types, and what the setup checks read):
 * missing cells, whether every present cell is a number, how many distinct values, and for numbers their
 * range, mean and standard deviation. One pass per column; profiles are cached per CsvData object, since
 * the app checks a setup on every edit of a form.
 */
import { CSV_LIMITS, type ColumnProfile, type CsvData } from './types';

/** Cells read as missing (trimmed, case-insensitive): empty, NA, N/A, NaN, null, ?, -. */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', '?', '-']);

export const isMissing = (cell: string): boolean => MISSING.has(cell.trim().toLowerCase());

/** Plain decimal numbers, optionally with an exponent: 3, -0.5, .5, 1e-3 (not hex, not "Infinity"). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The number a present cell holds, or NaN when it is not a plain decimal number. */
export function cellNumber(cell: string): number {
  const t = cell.trim();
  return NUMBER.test(t) ? Number(t) : NaN;
}

/** Spreadsheet row of data row r (0-based): the header is row 1. */
export const sheetRow = (r: number): number => r + 2;

export function profileColumn(data: CsvData, index: number): ColumnProfile {
  const cells = data.cells[index] as string[];
  let missing = 0;
  let firstMissingRow: number | undefined;
  let firstText: { row: number; value: string } | undefined;
  let numbers = 0;
  let texts = 0;
  let [min, max, sum, sumSq] = [Infinity, -Infinity, 0, 0];
  const seen = new Set<string>();
  const values: string[] = [];
  for (let r = 0; r < cells.length; r++) {
    const cell = cells[r] as string;
    if (isMissing(cell)) {
      missing++;
      firstMissingRow ??= sheetRow(r);
      continue;
    }
    const value = cell.trim();
    if (seen.size <= CSV_LIMITS.maxClasses && !seen.has(value)) {
      seen.add(value);
      values.push(value);
    }
    const n = cellNumber(value);
    if (Number.isNaN(n)) {
      texts++;
      firstText ??= { row: sheetRow(r), value };
      continue;
    }
    numbers++;
    min = Math.min(min, n);
    max = Math.max(max, n);
    sum += n;
    sumSq += n * n;
  }
  const distinct = seen.size;
  const type = distinct <= 1 ? 'constant' : texts > 0 ? 'text' : 'numeric';
  const allNumbers = texts === 0 && numbers > 0;
  const mean = sum / numbers;
  return {
    name: data.columns[index] as string,
    index,
    type,
    missing,
    ...(firstMissingRow !== undefined && { firstMissingRow }),
    // Only where a column looks numeric but for a few strays is the first stray worth pointing at.
    ...(firstText && numbers > texts && { firstText }),
    distinct,
    ...(distinct <= CSV_LIMITS.maxClasses && { values }),
    ...(allNumbers && {
      min,
      max,
      mean,
      // Population std (divide by n), as the suite standardises with.
      std: Math.sqrt(Math.max(sumSq / numbers - mean * mean, 0)),
    }),
    canClassify: distinct >= 2 && distinct <= CSV_LIMITS.maxClasses,
    canRegress: type === 'numeric',
  };
}

const cache = new WeakMap<CsvData, ColumnProfile[]>();

/** Every column's profile, in header order (computed once per data object). */
export function profileColumns(data: CsvData): ColumnProfile[] {
  let profiles = cache.get(data);
  if (!profiles) {
    profiles = data.columns.map((_, i) => profileColumn(data, i));
    cache.set(data, profiles);
  }
  return profiles;
}

/** The first present cell of a column that is not a number, with its spreadsheet row. */
export function firstNonNumber(data: CsvData, index: number): { row: number; value: string } | undefined {
  const cells = data.cells[index] as string[];
  for (let r = 0; r < cells.length; r++) {
    const cell = cells[r] as string;
    if (!isMissing(cell) && Number.isNaN(cellNumber(cell))) return { row: sheetRow(r), value: cell.trim() };
  }
  return undefined;
}
