/**
 * The parser: what it reads (delimiters, quotes, line breaks, BOM, blank lines), that streaming a Blob gives
 * the very data and hash of parsing its text, and the one line of every kind of bad file (the exact text
 * matters: the app shows it, and the browser test of the drop zone checks one).
 */
import { describe, expect, it } from 'vitest';
import { CsvError } from './errors';
import { contentHash } from './hash';
import { parseCsvBlob, parseCsvText } from './parse';
import { CSV_LIMITS } from './types';

const message = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvError) return error.message;
    throw error;
  }
  throw new Error('expected a CsvError');
};

const asyncMessage = async (run: () => Promise<unknown>): Promise<string> => {
  try {
    await run();
  } catch (error) {
    if (error instanceof CsvError) return error.message;
    throw error;
  }
  throw new Error('expected a CsvError');
};

describe('parseCsvText reads', () => {
  it('a comma file: header, cells by column, row count, hash of the text', () => {
    const text = 'a,b,c\n1,2,x\n3,,y\n';
    const data = parseCsvText(text, 'f.csv');
    expect(data).toEqual({
      name: 'f.csv',
      hash: contentHash(text),
      delimiter: ',',
      columns: ['a', 'b', 'c'],
      rowCount: 2,
      cells: [
        ['1', '3'],
        ['2', ''],
        ['x', 'y'],
      ],
    });
  });

  it('tabs (a .tsv name, or more tabs than commas) and semicolons', () => {
    expect(parseCsvText('a,b\tc\n1,2\t3\n', 'f.tsv').columns).toEqual(['a,b', 'c']);
    expect(parseCsvText('a\tb\n1,5\t2\n', 'f.txt')).toMatchObject({
      delimiter: '\t',
      cells: [['1,5'], ['2']],
    });
    expect(parseCsvText('a;b;c\n1,5;2;3\n', 'f.csv')).toMatchObject({
      delimiter: ';',
      cells: [['1,5'], ['2'], ['3']],
    });
  });

  it('quoted cells with delimiters, quotes and line breaks; CRLF; a BOM; trimmed header names', () => {
    const data = parseCsvText('\ufeff name ,"b, c"\r\n"x ""y""","1\r\n2"\r\n', 'f.csv');
    expect(data.columns).toEqual(['name', 'b, c']);
    expect(data.cells).toEqual([['x "y"'], ['1\r\n2']]);
    expect(data.hash).toBe(contentHash(' name ,"b, c"\r\n"x ""y""","1\r\n2"\r\n'));
  });

  it('a blank line between rows as a row of missing cells; blank lines at the end are ignored', () => {
    const data = parseCsvText('a,b\n1,2\n\n3,4\n\n\n', 'f.csv');
    expect(data.rowCount).toBe(3);
    expect(data.cells).toEqual([
      ['1', '', '3'],
      ['2', '', '4'],
    ]);
  });
});

describe('parseCsvText refuses, in one line', () => {
  it.each([
    [
      'an empty file',
      '',
      'f.csv: the file is empty; accepted: a header row naming the columns, then one row per sample',
    ],
    [
      'blank lines only',
      '\n\n',
      'f.csv: the file is empty; accepted: a header row naming the columns, then one row per sample',
    ],
    [
      'a header without rows',
      'a,b\n',
      'f.csv: the file has a header (row 1) but no data rows; accepted: one row per sample after the header',
    ],
    [
      'a column without a name',
      'a,,c\n1,2,3\n',
      'f.csv: column 2 has no name in the header (row 1); accepted: a name for every column',
    ],
    [
      'two columns of one name',
      'x,y,x\n1,2,3\n',
      "f.csv: columns 1 and 3 are both named 'x' in the header (row 1); accepted: a different name for every column",
    ],
    [
      'a row with too few cells',
      'a,b,c\n1,2,3\n4,5\n',
      'f.csv: row 3 has 2 cells, the header has 3; accepted: 3 cells per row, separated by a comma (quote a cell that contains one: "a,b")',
    ],
    [
      'a row with too many cells (counted after a blank line)',
      'a;b\n1;2\n\n3;4;5\n',
      'f.csv: row 4 has 3 cells, the header has 2; accepted: 2 cells per row, separated by a semicolon (quote a cell that contains one: "a;b")',
    ],
    [
      'a quote never closed',
      'a,b\n1,"2\n3,4\n',
      'f.csv: row 2: a quoted cell ("...) is never closed; accepted: a closing " for every opening one (write a " inside a quoted cell as "")',
    ],
    [
      'binary data',
      'PK\u0003\u0004\u0000\u0000',
      'f.csv: not a text file (a zero byte at character 4); accepted: a UTF-8 CSV or TSV text file',
    ],
  ])('%s', (_what, text, expected) => {
    expect(message(() => parseCsvText(text, 'f.csv'))).toBe(expected);
  });

  it('more columns than the limit', () => {
    const header = Array.from({ length: CSV_LIMITS.maxColumns + 1 }, (_, i) => `c${i}`).join(',');
    expect(message(() => parseCsvText(`${header}\n`, 'wide.csv'))).toBe(
      'wide.csv: 1,001 columns; accepted: at most 1,000 columns',
    );
  });

  it('more rows than the limit', () => {
    const text = `a\n${'1\n'.repeat(CSV_LIMITS.maxRows + 1)}`;
    expect(message(() => parseCsvText(text, 'long.csv'))).toBe(
      'long.csv: more than 100,000 data rows; accepted: at most 100,000 (keep a sample of the rows)',
    );
    expect(parseCsvText(`a\n${'1\n'.repeat(CSV_LIMITS.maxRows)}`, 'ok.csv').rowCount).toBe(
      CSV_LIMITS.maxRows,
    );
  });
});

/** A Blob whose stream hands out `chunks` one by one, counting how many were pulled. */
function chunkedBlob(chunks: Uint8Array[], size = chunks.reduce((n, c) => n + c.length, 0)) {
  let pulled = 0;
  const blob = {
    size,
    stream: () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks[pulled++];
          if (next) controller.enqueue(next);
          else controller.close();
        },
      }),
  } as unknown as Blob;
  return { blob, pulled: () => pulled };
}

describe('parseCsvBlob', () => {
  it('streams to the same data and hash as the text, however the bytes are cut, with progress', async () => {
    const text = '\ufeffname,"note"\r\nÅsa,"a, ""b""\r\nc"\r\nBo,😀\r\n';
    const bytes = new TextEncoder().encode(text);
    const whole = parseCsvText(text, 'f.csv');
    for (const cut of [1, 2, 5, 7, 13, 21, bytes.length - 1]) {
      const chunks = [bytes.slice(0, cut), bytes.slice(cut)];
      const progress: number[] = [];
      const data = await parseCsvBlob(chunkedBlob(chunks).blob, 'f.csv', (f) => progress.push(f));
      expect(data, `cut at ${cut}`).toEqual(whole);
      expect(progress.at(-1)).toBe(1);
    }
    expect(await parseCsvBlob(new Blob([bytes]), 'f.csv')).toEqual(whole);
  });

  it('refuses a file over the byte limit before reading it', async () => {
    const { blob, pulled } = chunkedBlob([new TextEncoder().encode('a\n1\n')], 5e9);
    expect(await asyncMessage(() => parseCsvBlob(blob, 'huge.csv'))).toBe(
      'huge.csv: the file has 4.7 GiB; accepted: files up to 200 MiB',
    );
    expect(pulled()).toBe(0);
  });

  it('stops reading at the row past the limit', async () => {
    const rows = new TextEncoder().encode('1\n'.repeat(10_000));
    const chunks = [new TextEncoder().encode('a\n'), ...Array.from({ length: 1000 }, () => rows)];
    const { blob, pulled } = chunkedBlob(chunks, 1000);
    expect(await asyncMessage(() => parseCsvBlob(blob, 'long.csv'))).toMatch(/more than 100,000 data rows/);
    expect(pulled()).toBeLessThan(20);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const latin1 = new Uint8Array([0x61, 0x0a, 0xe9, 0x0a]); // "a\né\n" in Latin-1
    expect(await asyncMessage(() => parseCsvBlob(new Blob([latin1]), 'latin.csv'))).toBe(
      'latin.csv: bytes that are not UTF-8 text (within the first 1 MiB); accepted: a UTF-8 CSV or TSV text file (in a spreadsheet: save as "CSV UTF-8")',
    );
  });
});
