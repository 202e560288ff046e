/**
 * The one error a bad data file (or a bad choice of its columns) raises: a single line that names the file,
 * the row and column where it can, and what is accepted. The app shows `message` as it is; the CLI prints it
 * and exits 2. `row` (spreadsheet numbering: the header is row 1) and `column` let a preview point at the cell.
 */
export class CsvError extends Error {
  override name = 'CsvError';

  constructor(
    message: string,
    /** Where it is: a row, a column, or the config field to fix (`hash` when the file is another one). */
    readonly where: { row?: number; column?: string; field?: 'file' | 'hash' } = {},
  ) {
    super(message);
  }
}

/** Whole numbers with thousands separators, as messages show counts: 100,000. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** A cell or name inside a message: quoted, on one line, cut when long. */
export function quoted(text: string, max = 40): string {
  // eslint-disable-next-line no-control-regex -- control characters would break the one line
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `'${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}'`;
}

/** A few names, then how many more: 'a', 'b', 'c' and 9 more. */
export function quotedList(names: readonly string[], shown = 6): string {
  const listed = names.slice(0, shown).map((n) => quoted(n));
  const rest = names.length - listed.length;
  return rest > 0 ? `${listed.join(', ')} and ${count(rest)} more` : listed.join(', ');
}
