/**
 * A trainer's whole state between two steps, as plain data (issue 12: a reload resumes the run in progress).
 * `trainer.checkpoint()` takes one; `createTrainer(config, { resume })` builds the same trainer again (the
 * same config and seed give the same data and initial tensors) and writes the checkpoint over it, so the
 * resumed run continues with exactly the numbers of an uninterrupted one.
 *
 * What a step carries forward lives in named states (stateful/state.ts): the parameters and telemetry, the
 * optimizer's moments, the method's state (and its learnable parameters' optimizer), the sampling
 * strategy's, the affinity average's, the JS bookkeeping of health and sampler feedback; plus the last
 * step's gradients and weights (what a report describes) and every random stream (Rng.treeState). The
 * checkpoint is structured-cloneable and JSON-serialisable (IndexedDB and files take it as it is).
 */
import * as tf from '@tensorflow/tfjs-core';
import { parseConfig } from '../config/parse';
import { ConfigError, type ExperimentConfig } from '../config/types';
import type { RngState } from '../random/rng';
import {
  snapshotState,
  stateProblems,
  writeState,
  type MethodState,
  type StateSnapshot,
  type TensorSnapshot,
} from '../stateful/state';

export const CHECKPOINT_FORMAT = 'mtl-playground-checkpoint';
export const CHECKPOINT_VERSION = 1;

export interface TrainerCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  version: typeof CHECKPOINT_VERSION;
  /** The config in force when it was taken (a live learning-rate or method change included). */
  config: ExperimentConfig;
  /** Steps taken. */
  step: number;
  parts: Record<string, StateSnapshot>;
  /** Plain-JS bookkeeping that only reports read (health, the sampler's view of the losses), by name. */
  js: Record<string, unknown>;
  /** The last step's task gradients [R, T, P] and weights [R, T], which the next report describes. */
  last: { grads: TensorSnapshot | null; weights: TensorSnapshot | null };
  rng: Record<string, RngState>;
}

export async function readTensor(t: tf.Tensor | null): Promise<TensorSnapshot | null> {
  return t ? { shape: [...t.shape], values: Array.from(await t.data()) } : null;
}

export function tensorFrom<T extends tf.Tensor>(s: TensorSnapshot | null): T | null {
  return s ? (tf.tensor(s.values, s.shape) as T) : null;
}

/** Every part's snapshot, read back one after another (each a few small readbacks). */
export async function snapshotParts(
  parts: Readonly<Record<string, MethodState>>,
): Promise<Record<string, StateSnapshot>> {
  const out: Record<string, StateSnapshot> = {};
  for (const [name, state] of Object.entries(parts)) out[name] = await snapshotState(state);
  return out;
}

/** Check every part first, then write them all: a checkpoint that does not fit changes nothing. */
export function restoreParts(
  parts: Readonly<Record<string, MethodState>>,
  saved: Readonly<Record<string, StateSnapshot>>,
): void {
  const problems: string[] = [];
  for (const [name, state] of Object.entries(parts)) {
    const snap = saved[name];
    if (!snap) problems.push(`part '${name}' is missing`);
    else problems.push(...stateProblems(state, snap).map((p) => `${name}: ${p}`));
  }
  for (const name of Object.keys(saved))
    if (!(name in parts)) problems.push(`part '${name}' is not part of this trainer`);
  if (problems.length)
    throw new CheckpointError(`it does not fit this experiment (${problems.slice(0, 3).join('; ')})`);
  for (const [name, state] of Object.entries(parts)) writeState(state, saved[name] as StateSnapshot);
}

/** A holder of plain-JS state: what `save` returns, `restore` takes back (throwing when it does not fit). */
export interface JsStateHolder {
  save(): unknown;
  restore(saved: unknown): void;
}

/** Restore every holder; the first that refuses names itself. Run after restoreParts (nothing half-written). */
export function restoreJs(
  holders: Readonly<Record<string, JsStateHolder>>,
  saved: Readonly<Record<string, unknown>>,
): void {
  for (const [name, holder] of Object.entries(holders)) {
    try {
      holder.restore(saved[name]);
    } catch (error) {
      throw new CheckpointError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export class CheckpointError extends Error {
  constructor(reason: string) {
    super(`Cannot resume from this checkpoint: ${reason}.`);
    this.name = 'CheckpointError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Check a checkpoint read from storage (another version of the app may have written it) and that it was
 * taken with `config`. Shapes are checked when it is written into a trainer (restoreParts).
 */
export function checkCheckpoint(raw: unknown, config: ExperimentConfig): TrainerCheckpoint {
  if (!isRecord(raw) || raw.format !== CHECKPOINT_FORMAT)
    throw new CheckpointError(`expected an object with format '${CHECKPOINT_FORMAT}'`);
  if (raw.version !== CHECKPOINT_VERSION)
    throw new CheckpointError(
      `it has version ${String(raw.version)}; this app reads version ${CHECKPOINT_VERSION}`,
    );
  if (!Number.isInteger(raw.step) || (raw.step as number) < 0)
    throw new CheckpointError('step: expected a whole number ≥ 0');
  if (!isRecord(raw.parts) || !isRecord(raw.rng) || !isRecord(raw.last) || !isRecord(raw.js))
    throw new CheckpointError('expected parts, js, rng and last');
  let saved: ExperimentConfig;
  try {
    saved = parseConfig(raw.config);
  } catch (error) {
    if (error instanceof ConfigError) throw new CheckpointError(`its config is invalid (${error.message})`);
    throw error;
  }
  if (JSON.stringify(saved) !== JSON.stringify(config))
    throw new CheckpointError('it was taken with a different config');
  return raw as unknown as TrainerCheckpoint;
}
