/**
 * Study lanes on Node worker threads, so that `cli sweep` (and the study bench) trains a study's seeds on
 * several cores. Each thread runs study-thread.ts, which starts its own backend (about a second here: the
 * TypeScript sources load through tsx, then WebAssembly compiles) while this thread already trains: a
 * lane takes jobs only once ready (run-study.ts), so a short study simply finishes before helpers join.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { remoteLane, type FromLane, type LanePort } from '../engine/runner/study-lanes';
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
  const exits = new Set<(why: string) => void>();
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: { type: string; message?: string }) => {
      if (message.type === 'ready') resolve();
      if (message.type === 'failed') reject(new Error(message.message));
    });
    worker.once('error', (error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      reject(new Error(why));
      exits.forEach((exit) => exit(why));
    });
    worker.once('exit', (code) => {
      reject(new Error(`the thread exited (code ${code})`));
      exits.forEach((exit) => exit(`the thread exited (code ${code})`));
    });
  });
  // A lane that never starts is simply not used: no unhandled rejection.
  ready.catch(() => undefined);
  const port: LanePort = {
    ready,
    send: (message) => worker.postMessage(message),
    subscribe(listener, onExit) {
      const hear = (message: FromLane | { type: 'ready' } | { type: 'failed'; message: string }) => {
        if (message.type !== 'ready' && message.type !== 'failed') listener(message);
      };
      worker.on('message', hear);
      exits.add(onExit);
      return () => {
        worker.off('message', hear);
        exits.delete(onExit);
      };
    },
  };
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
