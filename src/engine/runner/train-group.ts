/**
 * A group of a study: configs that differ only in their seed, trained into one RunRecord each. Where the
 * config allows (train/seed-batch-blocker.ts) and the backend gains from it, the seeds train side by side
 * as replicas of one batched step (train-seed-batch.ts); otherwise, and for a batch in which a replica
 * diverged, one after the other (`trainOneByOne`, the reference the batch agrees with).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from '../config/types';
import type { RunRecord } from '../study/types';
import { TrainingDivergedError } from '../train/errors';
import { seedBatchBlocker } from '../train/seed-batch-blocker';
import { trainOne, type TrainHooks } from './train-one';
import { seedBatches, trainSeedBatch } from './train-seed-batch';

/**
 * `onSteps` counts the steps taken by the runs not yet passed to `onRun`: the run in progress, or every
 * seed of a batch in progress.
 */
export interface GroupHooks extends TrainHooks {
  /** Called as each run ends (finished, diverged or stopped), with its index in `configs`. */
  onRun?(record: RunRecord, index: number): void;
}

/**
 * Trains one group's configs (same config but the seed) into one record each: `trainGroup`, or a lane on
 * another thread (study-lanes.ts), whose `ready` settles once its thread can train (rejects if it cannot).
 */
export type GroupTrainer = ((
  configs: readonly ExperimentConfig[],
  hooks: GroupHooks,
) => Promise<RunRecord[]>) & { ready?: Promise<unknown> };

/**
 * One record per config that started, in order: after a cancel the run in progress is kept as 'stopped'
 * and the rest are not started.
 */
export async function trainOneByOne(
  configs: readonly ExperimentConfig[],
  hooks: GroupHooks = {},
): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  for (const [index, config] of configs.entries()) {
    if (hooks.signal?.aborted) break;
    const record = await trainOne(config, hooks);
    records.push(record);
    hooks.onRun?.(record, index);
  }
  return records;
}

/**
 * Whether a group's seeds train as one batch: two seeds or more, a config the batch reproduces exactly, and
 * not tfjs's plain-JS CPU backend, whose step is all arithmetic, so batching saves nothing there
 * (docs/benchmarks.md, "Seeds side by side").
 */
export function batchesSeeds(configs: readonly ExperimentConfig[]): boolean {
  const first = configs[0];
  return configs.length > 1 && !!first && seedBatchBlocker(first) === null && tf.getBackend() !== 'cpu';
}

/** Train one group (same config but the seed). */
export async function trainGroup(
  configs: readonly ExperimentConfig[],
  hooks: GroupHooks = {},
): Promise<RunRecord[]> {
  if (!batchesSeeds(configs)) return trainOneByOne(configs, hooks);
  const records: RunRecord[] = [];
  for (const batch of seedBatches(configs)) {
    if (hooks.signal?.aborted) break;
    const offset = records.length;
    let done: RunRecord[];
    try {
      done = await trainSeedBatch(batch, {
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        // Every seed of the batch has taken these steps.
        onSteps: (steps) => hooks.onSteps?.(steps * batch.length),
      });
    } catch (error) {
      if (!(error instanceof TrainingDivergedError)) throw error;
      // Which seeds diverged, when, and why: each seed's own run says it.
      let before = 0;
      done = await trainOneByOne(batch, {
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        onSteps: (steps) => hooks.onSteps?.(before + steps),
        onRun: (record) => {
          before += record.config.steps;
        },
      });
    }
    done.forEach((record, i) => {
      records.push(record);
      hooks.onRun?.(record, offset + i);
    });
  }
  return records;
}
