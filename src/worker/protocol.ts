/**
 * Typed messages between the main thread and the training session (both directions). The same protocol runs
 * over a Worker's postMessage and, as a fallback, over direct calls on the main thread. The state layer imports
 * this file, so it imports types only and holds no runtime code beyond two tiny helpers.
 */
import type { ExperimentConfig, Selection } from '../engine/config/types';
import type { ConfigIssue } from '../engine/params/spec';
import type { Report } from '../engine/train/report';
import type { TrainerInfo } from '../engine/train/trainer-info';
import type { GridSpec } from '../engine/decision-grid';
import type { BackendChoice, BackendPreference } from '../backend/names';

// Backend names live with the backends (plain data, no tfjs); re-exported for the protocol's users.
export { BACKEND_LABELS } from '../backend/names';
export type { BackendChoice, BackendLabel, BackendName, BackendPreference } from '../backend/names';

export type ToWorker =
  /** Pick and initialise a backend (again, to switch): stops and drops the current trainer. */
  | { type: 'init'; backend: BackendPreference }
  /**
   * Validate the config and build a fresh trainer for it (a reset). With `resume`, the trainer continues
   * from a checkpoint this session posted earlier (maybe before a reload), and the session posts
   * `resume.history` (the run's reports so far) right after 'configured', so the charts show the whole run.
   */
  | { type: 'configure'; config: ExperimentConfig; resume?: ResumeFrom }
  /** Train on; with `until`, pause by itself when the run reaches that step (a lesson's budget). */
  | { type: 'play'; until?: number }
  | { type: 'pause' }
  /** Exactly `count` steps, then one report (ignored while playing). */
  | { type: 'step'; count: number }
  /** A fresh trainer for the current config. */
  | { type: 'reset' }
  /** Live: from the next step on, keeping optimizer state. */
  | { type: 'set-learning-rate'; value: number }
  /** Live: the method's own state starts fresh; the model keeps training. */
  | { type: 'set-method'; method: Selection }
  /**
   * Model outputs on `count` inputs (row-major [count, inputDim]), or on a decision-boundary grid named by
   * its size and box (count = n², inputs built and kept by the worker: engine/decision-grid.ts): the
   * decision-boundary heatmaps and the image grid's predictions. Always answered by one 'grid' with the
   * same requestId, so the page can keep one request in flight per picture; the decision boundary counts
   * its requestIds up from 1
   * (state/actions.ts), the image grid down from −1 (state/images/), so neither takes the other's answer.
   */
  | { type: 'predict-grid'; requestId: number; inputs: Float32Array | GridSpec; count: number };

/** A checkpointed run to continue: the trainer's state and the reports made before it. */
export interface ResumeFrom {
  /** The engine's TrainerCheckpoint (plain data and typed arrays), as a 'checkpoint' message carried it. */
  checkpoint: unknown;
  history: Report[];
}

export type ErrorKind = 'config' | 'diverged' | 'device-lost' | 'backend' | 'internal';

export type FromWorker =
  /** A backend is initialised (after 'init'): the page answers with 'configure'. */
  | ({ type: 'ready' } & BackendChoice)
  /**
   * The backend in use, or what the status line says about it, changed without an 'init': `auto` moved to a
   * backend made ready in the background (a 'configured' for the rebuilt trainer follows), or says where
   * that move stands. The session keeps its experiment: the page sends nothing back.
   */
  | ({ type: 'backend' } & BackendChoice)
  /** A trainer is built; `resumed` when it continues a checkpoint ('configure' with `resume`). */
  | { type: 'configured'; info: TrainerInfo; config: ExperimentConfig; resumed?: boolean }
  /**
   * Every report since the last message, batched at chart rate; `step` is the trainer's step count now, or,
   * once the run diverged, the step it stopped at (the error's step: the counter and the error agree).
   * Each report's `health` says whether training still learns.
   */
  | { type: 'reports'; reports: Report[]; step: number; stepsPerSecond: number; running: boolean }
  /**
   * `values` is [tasks, count, outputDim] row-major (logits for classification); null when there is no
   * model to ask (none built yet, or the run diverged).
   */
  | { type: 'grid'; requestId: number; values: Float32Array | null; tasks: number; count: number }
  /**
   * The trainer's whole state at `step` (parameters, optimizer and method state: the engine's
   * TrainerCheckpoint), posted at least every CHECKPOINT_EVERY_MS of training and on pause, after the
   * reports up to `step`. The page stores it so that a reload can resume the run ('configure' + resume).
   */
  | { type: 'checkpoint'; step: number; checkpoint: unknown }
  | {
      type: 'error';
      kind: ErrorKind;
      message: string;
      /** Diverged: the first bad step, and the task whose loss turned non-finite (null: the method's update). */
      step?: number;
      task?: string | null;
      /** Config: every problem, each naming its field and what it accepts (`message` lists the first few). */
      issues?: ConfigIssue[];
    };

/** How a session talks back; typed arrays' buffers go in `transfer` (moved, not copied; ArrayBuffer is
 * the only transferable we use, and the one type every tsconfig here — DOM, WebWorker, Node — knows). */
export type Post = (message: FromWorker, transfer?: ArrayBuffer[]) => void;

/** The buffers a message to the worker can hand over instead of copying. */
export function transferables(message: ToWorker): ArrayBuffer[] {
  return message.type === 'predict-grid' && message.inputs instanceof Float32Array
    ? [message.inputs.buffer as ArrayBuffer]
    : [];
}
