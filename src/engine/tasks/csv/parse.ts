/**
 * CSV and TSV files with a header row into CsvData, with papaparse (RFC 4180 quoting) doing the cell
 * splitting. One reader serves both entry points: `parseCsvText` hands it a whole text, `parseCsvBlob`
 * streams a File/Blob chunk by chunk (a Web Worker or Node), so a file over the row or column limits is
 * refused as soon as its header or its 100,001st row is read, and a file over the byte limit before any is.
 * Page-safe: no tfjs, no DOM beyond Blob and TextDecoder (both in workers and Node).
 *
 * Rules: the first line names the columns; the delimiter is a tab for *.tsv files, otherwise whichever of
 * comma, tab and semicolon the header line holds most often (outside quotes); line breaks are detected
 * from the first one (\r\n, \n or \r); a leading byte-order mark is dropped. A blank line between data rows
 * is a row of missing cells (the missing-value policy decides), blank lines at the end are ignored.
 */
import Papa from 'papaparse';
import { CsvError, count, quoted } from './errors';
import { ContentHash } from './hash';
import { CSV_LIMITS, type CsvData } from './types';

type Delimiter = CsvData['delimiter'];
const DELIMITERS: readonly Delimiter[] = [',', '\t', ';'];
const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon' };

/** Bytes as the limit is set, in binary units: 4.7 GiB, 200 MiB. */
export const size = (bytes: number): string =>
  bytes >= 2 ** 30
    ? `${(bytes / 2 ** 30).toFixed(1)} GiB`
    : `${Math.max(1, Math.round(bytes / 2 ** 20))} MiB`;

/** How often each delimiter occurs in `line` outside double quotes; the most frequent wins, comma on ties. */
export function detectDelimiter(line: string, name: string): Delimiter {
  if (/\.tsv$/i.test(name)) return '\t';
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) as number) > (counts.get(best) as number)) best = d;
  return best;
}

function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf < 0 && text.includes('\r')) return '\r';
  return '\n';
}

interface PapaResult {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}

/** The incremental reader: push text pieces in order, the last with `last`, then `finish`. */
export class CsvReader {
  private readonly hash = new ContentHash();
  private buffer = '';
  private started = false;
  private parser: Papa.Parser | null = null;
  private delimiter: Delimiter = ',';
  private columns: string[] = [];
  private cells: string[][] = [];
  /** Records read, the header included: the next record's spreadsheet row is records + 1. */
  private records = 0;
  /** Blank lines after the last data row so far: rows of missing cells if a data row follows. */
  private pendingBlank = 0;
  private charsSeen = 0;

  constructor(private readonly name: string) {}

  private fail(message: string, where: { row?: number; column?: string } = {}): never {
    throw new CsvError(`${this.name}: ${message}`, where);
  }

  push(text: string, last: boolean): void {
    this.hash.update(text);
    const nul = text.indexOf('\0');
    if (nul >= 0)
      this.fail(
        `not a text file (a zero byte at character ${count(this.charsSeen + nul)}); accepted: a UTF-8 CSV or TSV text file`,
      );
    this.charsSeen += text.length;
    this.buffer += !this.started && text.startsWith('\ufeff') ? text.slice(1) : text;
    if (!this.started && this.buffer.length) this.started = true;
    if (!this.parser) {
      // The delimiter and line break are read from the header line: wait until it is complete.
      const lineEnd = this.buffer.search(/[\r\n]/);
      if (lineEnd < 0 && !last) return;
      const header = lineEnd < 0 ? this.buffer : this.buffer.slice(0, lineEnd);
      this.delimiter = detectDelimiter(header, this.name);
      this.parser = new Papa.Parser({ delimiter: this.delimiter, newline: detectNewline(this.buffer) });
    }
    const result = this.parser.parse(this.buffer, 0, !last) as PapaResult;
    this.checkQuotes(result);
    for (const row of result.data) this.record(row);
    this.buffer = last ? '' : this.buffer.slice(result.meta.cursor);
  }

  private checkQuotes(result: PapaResult): void {
    const error = result.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
    if (!error) return;
    const row = this.records + this.pendingBlank + (error.row ?? 0) + 1;
    if (error.code === 'MissingQuotes')
      this.fail(
        `row ${count(row)}: a quoted cell ("...) is never closed; accepted: a closing " for every opening one (write a " inside a quoted cell as "")`,
        { row },
      );
    this.fail(
      `row ${count(row)}: text follows the closing quote of a cell; accepted: a quoted cell ends at its closing " (write a " inside it as "")`,
      { row },
    );
  }

  private record(row: string[]): void {
    if (this.records === 0) return this.header(row);
    const rowNumber = this.records + this.pendingBlank + 1;
    if (row.length === 1 && row[0]?.trim() === '') {
      this.pendingBlank++;
      return;
    }
    while (this.pendingBlank > 0) {
      this.pendingBlank--;
      this.addRow(this.columns.map(() => ''));
    }
    if (row.length !== this.columns.length) {
      const delimiter = DELIMITER_NAMES[this.delimiter];
      this.fail(
        `row ${count(rowNumber)} has ${count(row.length)} cell${row.length === 1 ? '' : 's'}, the header has ${count(this.columns.length)}; accepted: ${count(this.columns.length)} cells per row, separated by a ${delimiter} (quote a cell that contains one: "a${this.delimiter === '\t' ? ' ' : this.delimiter}b")`,
        { row: rowNumber },
      );
    }
    this.addRow(row);
  }

  private addRow(row: string[]): void {
    if (this.records > CSV_LIMITS.maxRows)
      this.fail(
        `more than ${count(CSV_LIMITS.maxRows)} data rows; accepted: at most ${count(CSV_LIMITS.maxRows)} (keep a sample of the rows)`,
        { row: this.records + 1 },
      );
    const lastCell = row.length - 1;
    for (let c = 0; c < row.length; c++) {
      let cell = row[c] as string;
      // A file with mixed line breaks: a \r left at the end of a \n-separated row is not part of the cell.
      if (c === lastCell && cell.endsWith('\r')) cell = cell.slice(0, -1);
      (this.cells[c] as string[]).push(cell);
    }
    this.records++;
  }

  private header(row: string[]): void {
    if (row.length > CSV_LIMITS.maxColumns)
      this.fail(`${count(row.length)} columns; accepted: at most ${count(CSV_LIMITS.maxColumns)} columns`, {
        row: 1,
      });
    const names = row.map((n, i) => (i === row.length - 1 ? n.replace(/\r$/, '') : n).trim());
    if (names.length === 1 && names[0] === '') return; // a blank line before the header: skip it
    const seen = new Map<string, number>();
    names.forEach((name, i) => {
      if (name === '')
        this.fail(`column ${i + 1} has no name in the header (row 1); accepted: a name for every column`, {
          row: 1,
        });
      const first = seen.get(name);
      if (first !== undefined)
        this.fail(
          `columns ${first + 1} and ${i + 1} are both named ${quoted(name)} in the header (row 1); accepted: a different name for every column`,
          { row: 1, column: name },
        );
      seen.set(name, i);
    });
    this.columns = names;
    this.cells = names.map(() => []);
    this.records = 1;
  }

  finish(): CsvData {
    if (this.records === 0)
      this.fail('the file is empty; accepted: a header row naming the columns, then one row per sample');
    const rowCount = this.records - 1;
    if (rowCount === 0)
      this.fail(
        'the file has a header (row 1) but no data rows; accepted: one row per sample after the header',
      );
    return {
      name: this.name,
      hash: this.hash.digest(),
      delimiter: this.delimiter,
      columns: this.columns,
      rowCount,
      cells: this.cells,
    };
  }
}

/** A whole file's text (already decoded) into CsvData; a bad file throws one CsvError line. */
export function parseCsvText(text: string, name: string): CsvData {
  const reader = new CsvReader(name);
  reader.push(text, true);
  return reader.finish();
}

/**
 * A File or Blob, streamed: decoded as UTF-8 (bytes that are not are refused), parsed chunk by chunk.
 * `onProgress` hears the fraction of bytes read, 0 to 1.
 */
export async function parseCsvBlob(
  blob: Blob,
  name: string,
  onProgress?: (fraction: number) => void,
): Promise<CsvData> {
  if (blob.size > CSV_LIMITS.maxBytes)
    throw new CsvError(
      `${name}: the file has ${size(blob.size)}; accepted: files up to ${size(CSV_LIMITS.maxBytes)}`,
    );
  const reader = new CsvReader(name);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const source = blob.stream().getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await source.read();
      if (done) break;
      read += value.byteLength;
      reader.push(decode(decoder, value, name, read), false);
      onProgress?.(blob.size ? read / blob.size : 1);
    }
    reader.push(decode(decoder, undefined, name, read), true);
  } catch (error) {
    await source.cancel().catch(() => undefined);
    throw error;
  }
  onProgress?.(1);
  return reader.finish();
}

function decode(decoder: TextDecoder, bytes: Uint8Array | undefined, name: string, read: number): string {
  try {
    return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
  } catch {
    throw new CsvError(
      `${name}: bytes that are not UTF-8 text (within the first ${size(read)}); accepted: a UTF-8 CSV or TSV text file (in a spreadsheet: save as "CSV UTF-8")`,
    );
  }
}
