/**
 * The main thread's handle on training: one dedicated module Worker speaking the protocol. If a Worker
 * cannot be created, or its script fails to load before it says anything (old browsers without module
 * workers, a blocking policy), the same session runs on the main thread instead and 'ready' says so.
 */
import { backendUnavailable } from '../backend/availability';
import { transferables, type BackendName, type FromWorker, type Post, type ToWorker } from './protocol';

export interface TrainingClient {
  send(message: ToWorker): void;
  subscribe(listener: (message: FromWorker) => void): () => void;
  terminate(): void;
  /** Why `backend` cannot start in this browser, or null (feature checks only: nothing is dropped). */
  backendUnavailable(backend: BackendName): Promise<string | null>;
  /** Where training runs now. */
  readonly mode: 'worker' | 'main-thread';
}

export interface TrainingClientOptions {
  /** Train on the main thread even where Workers work (debugging). */
  mainThread?: boolean;
  /** How to make the worker (tests); the default is the bundled training.worker.ts. */
  createWorker?: () => Worker;
}

/** Where messages go: the worker, or the session on this thread. */
interface Target {
  send(message: ToWorker): void;
  terminate(): void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createTrainingClient(opts: TrainingClientOptions = {}): TrainingClient {
  const listeners = new Set<(message: FromWorker) => void>();
  const emit: Post = (message) => listeners.forEach((listener) => listener(message));
  let mode: TrainingClient['mode'] = 'worker';
  let target: Target;
  /** Sent before the worker first answered: replayed on the main thread if the worker never starts. */
  let unanswered: ToWorker[] | null = [];

  const fallBack = (why: string) => {
    mode = 'main-thread';
    target = mainThreadTarget(emit, `no Web Worker (${why}), so training runs on the page and may slow it`);
    for (const message of unanswered ?? []) target.send(message);
    unanswered = null;
  };

  try {
    if (opts.mainThread) throw new Error('main-thread training was requested');
    const worker = opts.createWorker?.() ?? startWorker();
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      unanswered = null;
      emit(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (unanswered) {
        worker.terminate();
        return fallBack(`the worker script failed to load: ${event.message || 'unknown error'}`);
      }
      emit({
        type: 'error',
        kind: 'internal',
        message: `The training worker failed: ${event.message || 'unknown error'}. Reload to start again.`,
      });
    };
    worker.onmessageerror = () =>
      emit({
        type: 'error',
        kind: 'internal',
        message: 'A message from the training worker could not be read.',
      });
    target = {
      send: (message) => worker.postMessage(message, transferables(message)),
      terminate: () => worker.terminate(),
    };
  } catch (error) {
    fallBack(describe(error));
  }

  return {
    send(message) {
      // A transferred buffer is gone after the post, so predict-grid requests are not kept for replay.
      if (unanswered && message.type !== 'predict-grid') unanswered.push(message);
      target.send(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    terminate: () => target.terminate(),
    backendUnavailable: (backend) => backendUnavailable(backend),
    get mode() {
      return mode;
    },
  };
}

function startWorker(): Worker {
  return new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
}

/** The session on this thread, loaded on demand so tfjs stays out of the page's first bundle. */
function mainThreadTarget(emit: Post, note: string): Target {
  const session = import('./browser-session').then((m) => m.createBrowserSession(emit, note));
  return {
    // Chained on one promise, so messages keep their order.
    send: (message) => void session.then((s) => s.handle(message)),
    terminate: () => void session.then((s) => s.dispose()),
  };
}
