/**
 * The lanes a CLI study trains on (`sweep` and `group`, option --threads N|auto): this thread, plus helper
 * threads (thread-lanes.ts) when asked for or when the study is long enough to gain from them. The helpers
 * stop when the work is done; one that cannot start is named on stderr and the study goes on without it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { trainGroup, type GroupTrainer } from '../engine/runner/train-group';
import type { CliIo } from './io';
import { autoLanes, startThreadLanes } from './thread-lanes';

/**
 * Below this many planned run-steps `--threads auto` trains on this thread alone. A helper thread needs
 * 1.5-2 s of a core to start, and the study is cut into smaller batches for it: on 2 cores the 7,500
 * run-steps of the EW vs PCGrad example took 5.2 s on one thread and 5.8-6.3 s on two, 30,000 took 14.1
 * and 11.8 s (docs/benchmarks.md, "On several cores").
 */
export const AUTO_THREADS_MIN_STEPS = 20_000;

/** How many lanes a study trains on: --threads as given (null: auto), never more than it has runs. */
export function laneCount(threads: number | null, runs: number, runSteps: number): number {
  const wanted = threads ?? (runSteps >= AUTO_THREADS_MIN_STEPS ? autoLanes() : 1);
  return Math.max(1, Math.min(wanted, runs));
}

export interface StudyLaneOptions {
  threads: number | null;
  /** The study's planned runs and run-steps (laneCount). */
  runs: number;
  runSteps: number;
  /** The folder its csv files are relative to (csv-base.ts), if it names one. */
  csvBase?: string | undefined;
}

/** Run `work` on the study's lanes (this thread first), stopping the helper threads afterwards. */
export async function withStudyLanes<T>(
  o: StudyLaneOptions,
  io: CliIo,
  work: (lanes: GroupTrainer[]) => Promise<T>,
): Promise<T> {
  const count = laneCount(o.threads, o.runs, o.runSteps);
  if (count <= 1) return work([trainGroup]);
  const helpers = startThreadLanes(count - 1, {
    backend: tf.getBackend() === 'wasm' ? 'wasm' : 'cpu',
    ...(o.csvBase !== undefined ? { csvBase: o.csvBase } : {}),
  });
  for (const lane of helpers.lanes)
    void lane.ready?.catch((error: unknown) =>
      io.err.write(
        `note: a helper thread could not start (${error instanceof Error ? error.message : String(error)}); the study trains without it\n`,
      ),
    );
  try {
    return await work([trainGroup, ...helpers.lanes]);
  } finally {
    await helpers.close();
  }
}
