/**
 * A lane of a study on another thread: the page's study worker hands jobs to helper workers, the CLI to
 * worker threads, so that the seeds of a study train on several cores (run-study.ts deals the jobs). The
 * two ends speak this small protocol over any message port: `serveLane` on the helper trains each job with
 * `trainGroup` and streams its steps and records back; `remoteLane` on the coordinating side is the
 * GroupTrainer that sends a job and resolves with its records. A cancel travels as a message (the helper's
 * runs yield between chunks of steps, so it is heard); a helper that dies rejects the job in progress.
 * The configs and records are plain data, so structured clone carries them unchanged.
 */
import type { ExperimentConfig } from '../config/types';
import type { RunRecord } from '../study/types';
import { trainGroup, type GroupHooks, type GroupTrainer } from './train-group';

export type ToLane =
  { type: 'train'; job: number; configs: ExperimentConfig[] } | { type: 'cancel'; job: number };

export type FromLane =
  | { type: 'steps'; job: number; steps: number }
  | { type: 'run'; job: number; index: number; record: RunRecord }
  | { type: 'done'; job: number }
  | { type: 'error'; job: number | null; message: string };

/** The coordinating side's view of a helper: send to it, hear from it, and learn that it died. */
export interface LanePort {
  /** Settles when the helper can train (its backend started); rejects with why it cannot. */
  ready?: Promise<unknown>;
  send(message: ToLane): void;
  /** Returns the unsubscribe. `onExit` hears a helper that stopped (crashed, terminated) with why. */
  subscribe(listener: (message: FromLane) => void, onExit: (why: string) => void): () => void;
}

/** What a helper says besides the lane protocol: that its backend started, or why it could not. */
export type FromHelper = FromLane | { type: 'ready' } | { type: 'failed'; message: string };

/** A helper's transport (a Node worker thread, a Web Worker), reduced to what its LanePort needs. */
export interface HelperChannel {
  send(message: ToLane): void;
  /** Hear every message the helper posts; returns the unsubscribe. */
  listen(listener: (message: FromHelper) => void): () => void;
  /** Hear that the helper stopped (crashed, exited), with why. */
  onStop(listener: (why: string) => void): void;
}

/**
 * The LanePort of a helper that first says 'ready' (or 'failed') and may stop: `ready` settles with its
 * first word, a stop fails the job in progress. A helper that never starts rejects `ready` quietly (the
 * study simply does not use it).
 */
export function helperPort(channel: HelperChannel): LanePort {
  const exits = new Set<(why: string) => void>();
  const ready = new Promise<void>((resolve, reject) => {
    channel.listen((message) => {
      if (message.type === 'ready') resolve();
      if (message.type === 'failed') reject(new Error(message.message));
    });
    channel.onStop((why) => {
      reject(new Error(why));
      exits.forEach((exit) => exit(why));
    });
  });
  ready.catch(() => undefined);
  return {
    ready,
    send: (message) => channel.send(message),
    subscribe(listener, onExit) {
      const stop = channel.listen((message) => {
        if (message.type !== 'ready' && message.type !== 'failed') listener(message);
      });
      exits.add(onExit);
      return () => {
        stop();
        exits.delete(onExit);
      };
    },
  };
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The helper's side: returns the handler for the coordinator's messages. One job at a time. */
export function serveLane(
  post: (message: FromLane) => void,
  train: GroupTrainer = trainGroup,
): (message: ToLane) => Promise<void> {
  let current: { job: number; abort: AbortController } | null = null;
  return async (message) => {
    if (message.type === 'cancel') {
      if (current?.job === message.job) current.abort.abort();
      return;
    }
    const { job, configs } = message;
    const abort = new AbortController();
    current = { job, abort };
    try {
      await train(configs, {
        signal: abort.signal,
        onSteps: (steps) => post({ type: 'steps', job, steps }),
        onRun: (record, index) => post({ type: 'run', job, index, record }),
      });
      post({ type: 'done', job });
    } catch (error) {
      post({ type: 'error', job, message: describe(error) });
    } finally {
      if (current?.job === job) current = null;
    }
  };
}

let nextJob = 1;

/** The coordinating side: a GroupTrainer that trains each job on the helper behind `port`. */
export function remoteLane(port: LanePort): GroupTrainer {
  const lane: GroupTrainer = (configs, hooks: GroupHooks) =>
    new Promise<RunRecord[]>((resolve, reject) => {
      const job = nextJob++;
      const records: RunRecord[] = [];
      const cancel = () => port.send({ type: 'cancel', job });
      const finish = (error: Error | null) => {
        unsubscribe();
        hooks.signal?.removeEventListener('abort', cancel);
        if (error) reject(error);
        else resolve(records);
      };
      const unsubscribe = port.subscribe(
        (message) => {
          if (message.job !== job && message.job !== null) return;
          if (message.type === 'steps') hooks.onSteps?.(message.steps);
          else if (message.type === 'run') {
            records.push(message.record);
            hooks.onRun?.(message.record, message.index);
          } else if (message.type === 'done') finish(null);
          else if (message.type === 'error') finish(new Error(message.message));
        },
        (why) => finish(new Error(`A study helper stopped: ${why}`)),
      );
      if (hooks.signal?.aborted) return finish(null);
      hooks.signal?.addEventListener('abort', cancel, { once: true });
      port.send({ type: 'train', job, configs: [...configs] });
    });
  if (port.ready) lane.ready = port.ready;
  return lane;
}
