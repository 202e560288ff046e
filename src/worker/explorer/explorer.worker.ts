/// <reference lib="webworker" />
/**
 * The gradient-geometry explorer's dedicated worker (module type). It runs on tfjs's CPU backend on
 * purpose: a request is a few 2 x 2 or 3 x 2 problems, which plain JavaScript answers in well under a
 * millisecond, whereas WebGPU would pay a readback per solve and WASM a download before the first
 * answer. The numbers are float32 as on every backend (the CLI's WASM agrees to rounding).
 */
import { initBrowserBackend } from '../../backend/browser';
import type { ExplorerPost, ToExplorerWorker } from './explorer-protocol';
import { ExplorerSession } from './explorer-session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post: ExplorerPost = (message) => scope.postMessage(message);
const session = new ExplorerSession(post, { initBackend: () => initBrowserBackend('cpu') });

scope.onmessage = (event: MessageEvent<ToExplorerWorker>) => void session.handle(event.data);

// The session catches its own errors; anything else would leave the page waiting for an answer.
scope.onunhandledrejection = (event: PromiseRejectionEvent) => {
  const reason: unknown = event.reason;
  post({
    type: 'error',
    id: null,
    message: `The explorer's worker failed: ${reason instanceof Error ? reason.message : String(reason)}`,
  });
};
