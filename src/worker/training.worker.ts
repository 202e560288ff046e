/// <reference lib="webworker" />
/**
 * The dedicated training worker (module type): every message goes to one TrainingSession, so training
 * never blocks the page. A dedicated worker because WebGPU does not work in a SharedWorker (tfjs issue 7914).
 */
import type { Post, ToWorker } from './protocol';
import { createBrowserSession } from './browser-session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post: Post = (message, transfer = []) => scope.postMessage(message, transfer);
const session = createBrowserSession(post);

scope.onmessage = (event: MessageEvent<ToWorker>) => void session.handle(event.data);

// The session catches its own errors; anything else (a rejected promise outside it) would otherwise vanish
// in the worker's console, leaving the UI waiting.
scope.onunhandledrejection = (event: PromiseRejectionEvent) => {
  const reason: unknown = event.reason;
  post({
    type: 'error',
    kind: 'internal',
    message: `The training worker failed: ${reason instanceof Error ? reason.message : String(reason)}`,
  });
};
