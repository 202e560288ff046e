/**
 * The study worker's helpers: module Workers (helper.worker.ts) that train some of a study's jobs on
 * other cores, one lane each (engine/runner/study-lanes.ts). The pool starts them with the first study
 * that can use them and keeps them for the next (a helper takes a moment to start its backend; the study
 * worker trains meanwhile and a helper takes jobs once ready). Only the CPU backends get helpers: WASM and
 * plain JS run on one core each, while a GPU backend batches a study's seeds on the one GPU already.
 */
import type { BackendName } from '../../backend/names';
import { helperPort, remoteLane, type FromHelper } from '../../engine/runner/study-lanes';
import type { GroupTrainer } from '../../engine/runner/train-group';
import { HELPED_BACKENDS } from './helper-count';

export type ToHelper = { type: 'start'; backend: BackendName };

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
  const port = helperPort({
    send: (message) => worker.postMessage(message),
    listen(listener) {
      const hear = (event: MessageEvent<FromHelper>) => listener(event.data);
      worker.addEventListener('message', hear);
      return () => worker.removeEventListener('message', hear);
    },
    onStop(listener) {
      worker.addEventListener('error', (event) => {
        listener(event.message || 'the helper worker failed');
        onDead();
      });
    },
  });
  // A helper that cannot start is simply not used (run-study.ts): it leaves the pool.
  port.ready?.catch(onDead);
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
