/**
 * A page-side handle on a dedicated module Worker that starts on the first message, not at page load (most
 * visits never need it, and its tfjs bundle would be fetched for nothing). Where no Worker can start, or
 * the worker fails, `failed` turns the reason into the worker's own error message for the listeners, so the
 * rest of the page keeps working. The study and explorer clients are this plus their message types.
 */
export interface LazyWorker<To, From> {
  send(message: To): void;
  subscribe(listener: (message: From) => void): () => void;
  /** Stop the worker now; the next message starts a fresh one. */
  restart(): void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function lazyWorker<To, From>(
  createWorker: () => Worker,
  /** The worker's error message for a reason, e.g. `The study worker failed: ${why}.` */
  failed: (why: string) => From,
  /** What cannot happen without a Worker, e.g. 'studies need one'. */
  needs: string,
): LazyWorker<To, From> {
  const listeners = new Set<(message: From) => void>();
  const emit = (message: From) => listeners.forEach((listener) => listener(message));
  let worker: Worker | null = null;

  function ensureWorker(): Worker | null {
    if (worker) return worker;
    try {
      worker = createWorker();
    } catch (error) {
      emit(failed(`this browser could not start a Web Worker (${describe(error)}); ${needs}`));
      return null;
    }
    worker.onmessage = (event: MessageEvent<From>) => emit(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      emit(failed(event.message || 'unknown error'));
    };
    worker.onmessageerror = () => emit(failed('a message from it could not be read'));
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
