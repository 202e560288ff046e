/**
 * The page's handle on the data worker: one dedicated module Worker, started by the first file dropped or
 * opened (../lazy-worker.ts), never at page load.
 */
import { lazyWorker, type LazyWorker } from '../lazy-worker';
import type { FromDataWorker, ToDataWorker } from './data-protocol';

export type DataClient = LazyWorker<ToDataWorker, FromDataWorker>;

export function createDataClient(createWorker: () => Worker = startWorker): DataClient {
  return lazyWorker<ToDataWorker, FromDataWorker>(
    createWorker,
    (why) => ({ type: 'error', id: null, message: `The data worker failed: ${why}.` }),
    'opening a data file needs one',
  );
}

function startWorker(): Worker {
  return new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' });
}
