/**
 * The page's handle on the study worker: one dedicated module Worker, made on the first study (../lazy-worker.ts).
 * A study needs a Worker; where none can start, the error says so and the Training tab is untouched.
 */
import { lazyWorker, type LazyWorker } from '../lazy-worker';
import type { FromStudyWorker, ToStudyWorker } from './study-protocol';

export type StudyClient = LazyWorker<ToStudyWorker, FromStudyWorker>;

export function createStudyClient(createWorker: () => Worker = startWorker): StudyClient {
  return lazyWorker<ToStudyWorker, FromStudyWorker>(
    createWorker,
    (why) => ({
      type: 'error',
      studyId: null,
      kind: 'internal',
      message: `The study worker failed: ${why}.`,
    }),
    'studies need one',
  );
}

function startWorker(): Worker {
  return new Worker(new URL('./study.worker.ts', import.meta.url), { type: 'module' });
}
