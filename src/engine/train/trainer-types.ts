/**
 * What a trainer offers (trainer.ts builds one): the contract the worker's session, the CLI, the study
 * runner and the benchmarks program against.
 */
import type { ExperimentConfig, Selection } from '../config/types';
import type { TrainerCheckpoint } from './checkpoint';
import type { Report } from './report';
import type { TrainerInfo } from './trainer-info';

export interface Trainer {
  readonly config: ExperimentConfig;
  readonly info: TrainerInfo;
  /** Steps taken so far. */
  readonly stepCount: number;
  /**
   * Take n optimizer steps. Rejects with TrainingDivergedError when a loss or gradient turned non-finite.
   * `check: false` skips that check's readback (a GPU round trip) for callers that report right after:
   * `report()` always checks, and still names the exact first bad step and task.
   */
  step(n?: number, options?: { check?: boolean }): Promise<void>;
  /**
   * Losses, metrics, gradient statistics, weights and health now: one readback. Rejects with
   * TrainingDivergedError when a value turned non-finite or a loss exploded (training-health.ts).
   */
  report(): Promise<Report>;
  /**
   * Model outputs for N inputs (row-major [N, inputDim]) with the current parameters: [T, N, outputDim]
   * row-major (logits for classification). Data suites only: objective suites have no inputs.
   */
  predict(inputs: Float32Array, count: number): Promise<Float32Array>;
  /** Applies from the next step on, keeping optimizer state. */
  setLearningRate(lr: number): void;
  /** Switch the gradient method mid-run (its state starts fresh); throws ConfigError if invalid. */
  setMethod(selection: Selection): void;
  /**
   * Everything needed to continue this run later (checkpoint.ts): call it between steps. Rejects with the
   * TrainingDivergedError of a diverged run (there is nothing to resume).
   */
  checkpoint(): Promise<TrainerCheckpoint>;
  dispose(): void;
}

export interface TrainerOptions {
  /**
   * Continue from this checkpoint (taken with the same `config`: pass `checkpoint.config`): the run goes on
   * with exactly the numbers it would have had. Throws CheckpointError, allocating nothing, when it does
   * not fit.
   */
  resume?: TrainerCheckpoint;
}
