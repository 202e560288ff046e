/**
 * The data worker's logic, apart from the Worker global so that Node tests drive it with fake-indexeddb:
 * open a file (streaming parse, profile, keep it in IndexedDB), open a kept one, check a setup against the
 * file opened last. A file that fails to parse is answered with its one line and changes nothing: the
 * database is written only after the whole file parsed, and the last good file stays open.
 */
import type { CsvData, CsvSetup } from '../../engine/tasks/csv/types';
import {
  checkCsvSetup,
  csvErrorLine,
  parseCsvFile,
  parseCsvString,
  profileCsv,
  suggestCsvSetup,
} from './csv-engine';
import type { DatasetDb, DatasetSummary } from './dataset-db';
import {
  PREVIEW_ROWS,
  type DataPost,
  type DataPreview,
  type MissingPolicy,
  type ToDataWorker,
} from './data-protocol';

export interface DataSessionOptions {
  /** The streaming parser (engine parseCsvBlob by default); Node tests, which have no FileReader, read text. */
  parseFile?: (file: Blob, name: string, onProgress: (fraction: number) => void) => Promise<CsvData>;
  now?: () => number;
}

/** The first `count` data rows, each in header order. */
export function headRows(data: CsvData, count = PREVIEW_ROWS): string[][] {
  const n = Math.min(count, data.rowCount);
  return Array.from({ length: n }, (_, r) => data.cells.map((column) => column[r] ?? ''));
}

export class DataSession {
  /** The file opened last: what `check` requests are answered against. */
  private open: CsvData | null = null;

  constructor(
    private readonly post: DataPost,
    private readonly db: DatasetDb,
    private readonly options: DataSessionOptions = {},
  ) {}

  async handle(message: ToDataWorker): Promise<void> {
    try {
      if (message.type === 'open-file') await this.openFile(message.id, message.file);
      else if (message.type === 'open-stored') await this.openStored(message.id, message.hash);
      else this.check(message.id, message.hash, message.setup, message.missing);
    } catch (error) {
      this.post({ type: 'error', id: message.id, message: csvErrorLine(error) });
    }
  }

  private async openFile(id: number, file: File): Promise<void> {
    const name = file.name || 'data.csv';
    const parse = this.options.parseFile ?? parseCsvFile;
    let lastShown = -1;
    const data = await parse(file, name, (fraction) => {
      // A message per percent at most: a big file's progress must not flood the page.
      const percent = Math.floor(fraction * 100);
      if (percent === lastShown) return;
      lastShown = percent;
      this.post({ type: 'progress', id, name, fraction });
    });
    const summary: DatasetSummary = {
      hash: data.hash,
      name,
      bytes: file.size,
      addedAt: (this.options.now ?? Date.now)(),
      rows: data.rowCount,
      columns: [...data.columns],
    };
    // Parsed in full: only now is anything kept. A full storage still shows the preview (training works
    // in this tab), and says that the file will not be there after a reload.
    let stored = true;
    let storeNote: string | undefined;
    let kept = summary;
    let isNew: boolean;
    try {
      isNew = (await this.db.get(summary.hash)) === undefined;
      kept = await this.db.put(summary, await file.text());
    } catch (error) {
      stored = false;
      isNew = false;
      storeNote = csvErrorLine(error);
    }
    this.show(id, data, kept, { stored, isNew, ...(storeNote ? { storeNote } : {}) });
  }

  private async openStored(id: number, hash: string): Promise<void> {
    const [summary, text] = await Promise.all([this.db.get(hash), this.db.text(hash)]);
    if (!summary || text === undefined)
      throw new Error(
        `The data file with hash ${hash} is no longer stored in this browser: drop it on the page again.`,
      );
    this.show(id, parseCsvString(text, summary.name), summary, { stored: true, isNew: false });
  }

  private show(
    id: number,
    data: CsvData,
    summary: DatasetSummary,
    kept: Pick<DataPreview, 'stored' | 'isNew' | 'storeNote'>,
  ): void {
    this.open = data;
    const profiles = profileCsv(data);
    const preview: DataPreview = {
      summary,
      delimiter: data.delimiter,
      profiles,
      head: headRows(data),
      suggested: suggestCsvSetup(profiles),
      ...kept,
    };
    this.post({ type: 'preview', id, preview });
  }

  private check(id: number, hash: string, setup: CsvSetup, missing: MissingPolicy): void {
    if (!this.open || this.open.hash !== hash)
      throw new Error('That data file is no longer open: open it again from "Your data".');
    this.post({ type: 'checked', id, hash, check: checkCsvSetup(this.open, setup, missing) });
  }
}
