/**
 * Study lanes on Node worker threads, so that `cli sweep` (and the study bench) trains a study's seeds on
 * several cores. Each thread runs study-thread.ts, which starts its own backend (about a second here: the
 * TypeScript sources load through tsx, then WebAssembly compiles) while this thread already trains: a
 * lane takes jobs only once ready (run-study.ts), so a short study simply finishes before helpers join.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { helperPort, remoteLane, type FromHelper, type LanePort } from '../engine/runner/study-lanes';
import type { GroupTrainer } from '../engine/runner/train-group';
import type { StudyThreadData } from './study-thread';

export interface ThreadLanes {
  /** One GroupTrainer per thread, each with its `ready`. */
  readonly lanes: GroupTrainer[];
  /** Stop every thread (a job in progress on one is dropped). */
  close(): Promise<void>;
}

/** Most cores a sweep uses by default: beyond four, memory and start-up cost more than they win here. */
export const MAX_AUTO_LANES = 4;

/** The lanes `--threads auto` gives: the cores this process may use, at most MAX_AUTO_LANES. */
export const autoLanes = (): number => Math.max(1, Math.min(availableParallelism(), MAX_AUTO_LANES));

function startThread(data: StudyThreadData): { port: LanePort; worker: Worker } {
  // study-thread-boot.mjs registers tsx in the thread, then loads study-thread.ts.
  const worker = new Worker(new URL('./study-thread-boot.mjs', import.meta.url), { workerData: data });
  const port = helperPort({
    send: (message) => worker.postMessage(message),
    listen(listener: (message: FromHelper) => void) {
      worker.on('message', listener);
      return () => void worker.off('message', listener);
    },
    onStop(listener) {
      worker.once('error', (error: unknown) =>
        listener(error instanceof Error ? error.message : String(error)),
      );
      worker.once('exit', (code) => listener(`the thread exited (code ${code})`));
    },
  });
  return { port, worker };
}

/** Start `count` helper threads on `data.backend`. */
export function startThreadLanes(count: number, data: StudyThreadData): ThreadLanes {
  const threads = Array.from({ length: count }, () => startThread(data));
  return {
    lanes: threads.map((t) => remoteLane(t.port)),
    async close() {
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
