/**
 * The page's handle on the explorer's worker: one dedicated module Worker, started by the first request
 * (the explorer tab's first render), never at page load (../lazy-worker.ts).
 */
import { lazyWorker, type LazyWorker } from '../lazy-worker';
import type { FromExplorerWorker, ToExplorerWorker } from './explorer-protocol';

export type ExplorerClient = LazyWorker<ToExplorerWorker, FromExplorerWorker>;

export function createExplorerClient(createWorker: () => Worker = startWorker): ExplorerClient {
  return lazyWorker<ToExplorerWorker, FromExplorerWorker>(
    createWorker,
    (why) => ({ type: 'error', id: null, message: `The explorer's worker failed: ${why}.` }),
    'the explorer needs one',
  );
}

function startWorker(): Worker {
  return new Worker(new URL('./explorer.worker.ts', import.meta.url), { type: 'module' });
}
