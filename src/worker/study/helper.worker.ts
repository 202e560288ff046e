/// <reference lib="webworker" />
/**
 * A study helper (module Worker, started by the study worker: helper-lanes.ts): it starts the backend the
 * study runs on, says 'ready' (or 'failed' with why), then trains each job it is sent with the engine's
 * `serveLane`, loading the task data a job needs first, as the study worker does. The study worker deals
 * the jobs (engine/runner/run-study.ts); several helpers train a study's seeds on several cores.
 */
import { initBrowserBackend } from '../../backend/browser';
import type { BackendName } from '../../backend/names';
import { serveLane, type ToLane } from '../../engine/runner/study-lanes';
import { trainGroup } from '../../engine/runner/train-group';
import { prepareTaskData } from '../task-data';
import type { ToHelper } from './helper-lanes';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** The User Timing name of a job this helper trained. */
const JOB_MEASURE = 'mtl:study-job';
const serve = serveLane(
  (message) => scope.postMessage(message),
  async (configs, hooks) => {
    for (const config of configs) await prepareTaskData(config);
    const start = performance.now();
    try {
      return await trainGroup(configs, hooks);
    } finally {
      // Each job on DevTools' timeline of this worker (and countable by the browser tests).
      performance.measure(JOB_MEASURE, { start, detail: { runs: configs.length } });
    }
  },
);

let started: Promise<void> | null = null;

async function start(backend: BackendName): Promise<void> {
  const choice = await initBrowserBackend(backend);
  // Another backend would give other float rounding than the study's own lane: refuse rather than mix.
  if (choice.backend !== backend)
    throw new Error(
      `${backend} did not start here${choice.fallbackReason ? ` (${choice.fallbackReason})` : ''}`,
    );
}

scope.onmessage = (event: MessageEvent<ToHelper | ToLane>) => {
  const message = event.data;
  if (message.type === 'start') {
    started = start(message.backend);
    started.then(
      () => scope.postMessage({ type: 'ready' }),
      (error: unknown) =>
        scope.postMessage({
          type: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return;
  }
  void (started ?? Promise.reject(new Error('not started'))).then(() => serve(message));
};
