/**
 * The study worker's helpers: module Workers (helper.worker.ts) that train some of a study's jobs on
 * other cores, one lane each (engine/runner/study-lanes.ts). The pool starts them with the first study
 * that can use them and keeps them for the next (a helper takes a moment to start its backend; the study
 * worker trains meanwhile and a helper takes jobs once ready). Only the CPU backends get helpers: WASM and
 * plain JS run on one core each, while a GPU backend batches a study's seeds on the one GPU already.
 */
import type { BackendName } from '../../backend/names';
import { remoteLane, type FromLane, type LanePort } from '../../engine/runner/study-lanes';
import type { GroupTrainer } from '../../engine/runner/train-group';
import { HELPED_BACKENDS } from './helper-count';

export type ToHelper = { type: 'start'; backend: BackendName };
type FromHelper = FromLane | { type: 'ready' } | { type: 'failed'; message: string };

export interface HelperPool {
  /** The helpers' lanes for a study on `backend` (none for a GPU backend), starting them if needed. */
  lanes(backend: BackendName): GroupTrainer[];
  /** Stop every helper. */
  close(): void;
}

interface Helper {
  worker: Worker;
  lane: GroupTrainer;
}

function startHelper(worker: Worker, backend: BackendName, onDead: () => void): Helper {
  const exits = new Set<(why: string) => void>();
  const ready = new Promise<void>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<FromHelper>) => {
      if (event.data.type === 'ready') resolve();
      if (event.data.type === 'failed') reject(new Error(event.data.message));
    });
    worker.addEventListener('error', (event) => {
      const why = event.message || 'the helper worker failed';
      reject(new Error(why));
      exits.forEach((exit) => exit(why));
      onDead();
    });
  });
  // A helper that cannot start is simply not used (run-study.ts): no unhandled rejection.
  ready.catch(onDead);
  const port: LanePort = {
    ready,
    send: (message) => worker.postMessage(message),
    subscribe(listener, onExit) {
      const hear = (event: MessageEvent<FromHelper>) => {
        const message = event.data;
        if (message.type !== 'ready' && message.type !== 'failed') listener(message);
      };
      worker.addEventListener('message', hear);
      exits.add(onExit);
      return () => {
        worker.removeEventListener('message', hear);
        exits.delete(onExit);
      };
    },
  };
  worker.postMessage({ type: 'start', backend } satisfies ToHelper);
  return { worker, lane: remoteLane(port) };
}

export function createHelperPool(
  count: number,
  createWorker: () => Worker = () =>
    new Worker(new URL('./helper.worker.ts', import.meta.url), { type: 'module' }),
): HelperPool {
  let backend: BackendName | null = null;
  let helpers: Helper[] = [];
  const close = () => {
    helpers.forEach((h) => h.worker.terminate());
    helpers = [];
    backend = null;
  };
  return {
    lanes(wanted) {
      if (!HELPED_BACKENDS.includes(wanted) || count === 0) return [];
      if (backend !== wanted) close();
      backend = wanted;
      while (helpers.length < count) {
        const helper: Helper = startHelper(createWorker(), wanted, () => {
          // A dead helper leaves the pool; the next study starts a fresh one.
          helper.worker.terminate();
          helpers = helpers.filter((h) => h !== helper);
        });
        helpers.push(helper);
      }
      return helpers.map((h) => h.lane);
    },
    close,
  };
}
