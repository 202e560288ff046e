/**
 * The page's handle on the study worker: one dedicated module Worker, made on the first study (not at
 * page load: most visits never start one, and its tfjs bundle would be fetched for nothing). A study
 * needs a Worker; where none can start, the error says so and the Training tab is untouched.
 */
import type { FromStudyWorker, ToStudyWorker } from './study-protocol';

export interface StudyClient {
  send(message: ToStudyWorker): void;
  subscribe(listener: (message: FromStudyWorker) => void): () => void;
  /** Stop the worker now (a run mid-way is dropped); the next message starts a fresh one. */
  restart(): void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createStudyClient(createWorker: () => Worker = startWorker): StudyClient {
  const listeners = new Set<(message: FromStudyWorker) => void>();
  const emit = (message: FromStudyWorker) => listeners.forEach((listener) => listener(message));
  let worker: Worker | null = null;

  const failed = (why: string) =>
    emit({ type: 'error', studyId: null, kind: 'internal', message: `The study worker failed: ${why}.` });

  function ensureWorker(): Worker | null {
    if (worker) return worker;
    try {
      worker = createWorker();
    } catch (error) {
      failed(`this browser could not start a Web Worker (${describe(error)}); studies need one`);
      return null;
    }
    worker.onmessage = (event: MessageEvent<FromStudyWorker>) => emit(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      failed(event.message || 'unknown error');
    };
    worker.onmessageerror = () => failed('a message from it could not be read');
    return worker;
  }

  return {
    send: (message) => ensureWorker()?.postMessage(message),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restart() {
      worker?.terminate();
      worker = null;
    },
  };
}

function startWorker(): Worker {
  return new Worker(new URL('./study.worker.ts', import.meta.url), { type: 'module' });
}
