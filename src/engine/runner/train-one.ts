/**
 * One config trained to its budget (or until it diverges or is cancelled) into a complete RunRecord: the
 * report history, the final per-task numbers, why it stopped, the backend and the wall time. The loop is
 * the CLI `run` command's (report at step 0, then every `reportEvery` steps), with a cancel check between
 * bounded chunks of steps so a long `reportEvery` still stops promptly.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from '../config/types';
import { findArchitectureCard } from '../architectures/catalogue';
import { findMethodCard } from '../methods/catalogue';
import type { RunRecord, RunStatus } from '../study/types';
import { TrainingDivergedError } from '../train/errors';
import type { Report } from '../train/report';
import { createTrainer } from '../train/trainer';

/** Steps between cancel checks inside one report interval (a readback-free `step(n, {check: false})`). */
export const CANCEL_CHUNK = 50;

export interface TrainHooks {
  /** Cancels: the run in progress ends as 'stopped' with what it reported so far. */
  signal?: AbortSignal;
  /** Called after every report with the steps this run has taken. */
  onSteps?(steps: number): void;
}

/**
 * Let the event loop run (a worker's cancel message, a page's input) before the next chunk of steps. A
 * MessageChannel round trip, not setTimeout(0), which browsers clamp to 4 ms once nested.
 */
export function yieldToEvents(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A fresh id for a run or a study: time then randomness, so ids sort by creation. */
export const newId = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** "PCGrad · Layer sharing (hard) · seed 3": the default, editable run name. */
export function defaultRunName(config: ExperimentConfig): string {
  const method = findMethodCard(config.method.id)?.label ?? config.method.id;
  const arch = findArchitectureCard(config.architecture.id)?.label ?? config.architecture.id;
  return `${method} · ${arch} · seed ${config.seed}`;
}

export async function trainOne(config: ExperimentConfig, hooks: TrainHooks = {}): Promise<RunRecord> {
  const started = performance.now();
  const createdAt = Date.now();
  const history: Report[] = [];
  let status: RunStatus = 'finished';
  let stopReason: string | undefined;
  const trainer = createTrainer(config);
  try {
    history.push(await trainer.report());
    while (trainer.stepCount < config.steps) {
      const target = Math.min(trainer.stepCount + config.reportEvery, config.steps);
      while (trainer.stepCount < target && !hooks.signal?.aborted) {
        await trainer.step(Math.min(CANCEL_CHUNK, target - trainer.stepCount), { check: false });
        // Only a cancellable run needs to hear about the cancel between chunks.
        if (hooks.signal) await yieldToEvents();
      }
      if (hooks.signal?.aborted) {
        status = 'stopped';
        stopReason = `cancelled at step ${trainer.stepCount} of ${config.steps}`;
        break;
      }
      history.push(await trainer.report());
      hooks.onSteps?.(trainer.stepCount);
    }
  } catch (error) {
    if (!(error instanceof TrainingDivergedError)) throw error;
    status = 'diverged';
    stopReason = error.message;
  } finally {
    trainer.dispose();
  }
  const last = history[history.length - 1];
  return {
    id: newId('run'),
    name: defaultRunName(config),
    config,
    info: trainer.info,
    history,
    final: last ? { step: last.step, tasks: last.tasks } : null,
    status,
    ...(stopReason !== undefined ? { stopReason } : {}),
    backend: tf.getBackend(),
    wallSeconds: (performance.now() - started) / 1000,
    createdAt,
  };
}
