/// <reference lib="webworker" />
/**
 * The dedicated study worker (module type): a second worker beside the training one, so a study's many
 * runs never block the page nor the live run in the Training tab. It picks the backend the app prefers
 * (`initBrowserBackend`, falling back in order and saying why) and hands every message to one StudySession,
 * which deals the study's jobs to itself and to helper workers on the machine's other cores.
 */
import { prepareTaskData } from '../task-data';
import { initBrowserBackend } from '../../backend/browser';
import { helperCount } from './helper-count';
import { createHelperPool } from './helper-lanes';
import type { StudyPost, ToStudyWorker } from './study-protocol';
import { StudySession } from './study-session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post: StudyPost = (message) => scope.postMessage(message);
// Helpers on the other cores, started with the first study on a CPU backend and kept for the next.
const helpers = createHelperPool(helperCount(navigator.hardwareConcurrency));
const session = new StudySession(post, {
  initBackend: initBrowserBackend,
  prepareData: prepareTaskData,
  helperLanes: (backend) => helpers.lanes(backend),
});

scope.onmessage = (event: MessageEvent<ToStudyWorker>) => session.handle(event.data);

// The session catches its own errors; anything else would vanish in the worker's console and leave the
// page's progress bar waiting.
scope.onunhandledrejection = (event: PromiseRejectionEvent) => {
  const reason: unknown = event.reason;
  post({
    type: 'error',
    studyId: null,
    kind: 'internal',
    message: `The study worker failed: ${reason instanceof Error ? reason.message : String(reason)}`,
  });
};
