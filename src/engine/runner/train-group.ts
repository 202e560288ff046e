/**
 * A group of a study: configs that differ only in their seed, trained into one RunRecord each. Today one
 * after the other (`trainOneByOne`); a trainer that steps all seeds as replicas of one batched step plugs
 * in here, keeping `trainOneByOne` as the reference it must agree with.
 */
import type { ExperimentConfig } from '../config/types';
import type { RunRecord } from '../study/types';
import { trainOne, type TrainHooks } from './train-one';

export interface GroupHooks extends TrainHooks {
  /** Called as each run ends (finished, diverged or stopped), with its index in `configs`. */
  onRun?(record: RunRecord, index: number): void;
}

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

/** Train one group (same config but the seed). */
export function trainGroup(
  configs: readonly ExperimentConfig[],
  hooks: GroupHooks = {},
): Promise<RunRecord[]> {
  return trainOneByOne(configs, hooks);
}
