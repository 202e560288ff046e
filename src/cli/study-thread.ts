/**
 * A study helper on a Node worker thread (thread-lanes.ts starts it): it starts the backend the CLI runs
 * on, says 'ready' (or 'failed' with why), then trains the jobs the sweep sends it with the engine's
 * `serveLane`. An entry point, like main.ts: it picks a backend.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { initNodeBackend, type NodeBackendName } from '../backend/node';
import { serveLane, type ToLane } from '../engine/runner/study-lanes';
import { setCsvBase } from '../engine/tasks/csv/provide';

export interface StudyThreadData {
  backend: NodeBackendName;
  /** The folder a study's csv files are relative to (csv-base.ts), if it names one. */
  csvBase?: string;
}

const port = parentPort;
if (!port) throw new Error('study-thread.ts runs as a worker thread (thread-lanes.ts starts it)');
const { backend, csvBase } = workerData as StudyThreadData;
const serve = serveLane((message) => port.postMessage(message));
const started = initNodeBackend(backend).then(() => {
  if (csvBase !== undefined) setCsvBase(csvBase);
});
started.then(
  () => port.postMessage({ type: 'ready' }),
  (error: unknown) =>
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
port.on('message', (message: ToLane) => void started.then(() => serve(message)));
