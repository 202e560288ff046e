/**
 * A study group's seeds trained side by side as replicas of one batched step (train/seed-batch.ts), into
 * one RunRecord per seed with the same history a one-by-one run would report (seed-batch.test.ts checks
 * the reports). Seeds go in batches of at most MAX_SEED_TASK_PAIRS / T. Each record's `wallSeconds` is its
 * batch's time shared equally, and `seedBatch` says how many seeds shared it.
 *
 * A replica that diverges stops the whole batch (its error names the seed): the caller then trains that
 * batch's seeds one by one, so every seed still gets its own record and its own reason.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from '../config/types';
import type { RunRecord, RunStatus } from '../study/types';
import type { Report } from '../train/report';
import { createSeedBatchTrainer, findTaskCount, MAX_SEED_TASK_PAIRS } from '../train/seed-batch';
import { CANCEL_CHUNK, defaultRunName, newId, yieldToEvents, type TrainHooks } from './train-one';

/** The seeds of `configs` cut into batches the batched step can hold. */
export function seedBatches(configs: readonly ExperimentConfig[]): ExperimentConfig[][] {
  const first = configs[0];
  if (!first) return [];
  const size = Math.max(1, Math.floor(MAX_SEED_TASK_PAIRS / findTaskCount(first)));
  const out: ExperimentConfig[][] = [];
  for (let i = 0; i < configs.length; i += size) out.push(configs.slice(i, i + size));
  return out;
}

/**
 * Train one batch; rejects with the TrainingDivergedError of the first replica that diverged. `config` of
 * each record is that seed's config.
 */
export async function trainSeedBatch(
  configs: readonly ExperimentConfig[],
  hooks: TrainHooks = {},
): Promise<RunRecord[]> {
  const base = configs[0] as ExperimentConfig;
  const started = performance.now();
  const createdAt = Date.now();
  const histories: Report[][] = configs.map(() => []);
  let status: RunStatus = 'finished';
  let stopReason: string | undefined;
  const trainer = createSeedBatchTrainer(
    base,
    configs.map((c) => c.seed),
  );
  const record = async () => (await trainer.reports()).forEach((r, i) => histories[i]?.push(r));
  try {
    await record();
    while (trainer.stepCount < base.steps) {
      const target = Math.min(trainer.stepCount + base.reportEvery, base.steps);
      while (trainer.stepCount < target && !hooks.signal?.aborted) {
        await trainer.step(Math.min(CANCEL_CHUNK, target - trainer.stepCount));
        if (hooks.signal) await yieldToEvents();
      }
      if (hooks.signal?.aborted) {
        status = 'stopped';
        stopReason = `cancelled at step ${trainer.stepCount} of ${base.steps}`;
        break;
      }
      await record();
      hooks.onSteps?.(trainer.stepCount);
    }
  } finally {
    trainer.dispose();
  }
  const wallSeconds = (performance.now() - started) / 1000 / configs.length;
  return configs.map((config, i) => {
    const history = histories[i] as Report[];
    const last = history[history.length - 1];
    return {
      id: newId('run'),
      name: defaultRunName(config),
      config,
      // The batch's facts are over all its seeds; a record describes one.
      info: {
        ...trainer.info,
        replicas: 1,
        parameters: { ...trainer.info.parameters, total: trainer.info.parameters.total / configs.length },
      },
      history,
      final: last ? { step: last.step, tasks: last.tasks } : null,
      status,
      ...(stopReason !== undefined ? { stopReason } : {}),
      backend: tf.getBackend(),
      wallSeconds,
      createdAt,
      seedBatch: configs.length,
    };
  });
}
