/// <reference lib="webworker" />
/**
 * The data worker (module type): parses, profiles and keeps the user's data files (data-session.ts). No
 * tfjs here: it starts fast and a 100,000-row file is parsed without touching the training worker.
 */
import type { DataPost, ToDataWorker } from './data-protocol';
import { DatasetDb } from './dataset-db';
import { DataSession } from './data-session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post: DataPost = (message) => scope.postMessage(message);
const session = new DataSession(post, new DatasetDb());

// One request at a time, in order: a check sent right after an open is answered against that file.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<ToDataWorker>) => {
  queue = queue.then(() => session.handle(event.data));
};

scope.onunhandledrejection = (event: PromiseRejectionEvent) => {
  const reason: unknown = event.reason;
  post({
    type: 'error',
    id: null,
    message: `The data worker failed: ${reason instanceof Error ? reason.message : String(reason)}`,
  });
};
