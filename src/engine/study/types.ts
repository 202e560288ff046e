/**
 * The shapes of studies and stored runs (issue 12): plain JSON, page-safe (no tfjs), shared by the engine's
 * study runner, the CLI's `sweep`, the worker, the app's store and IndexedDB, and export/import.
 *
 * A RUN is one training of one config, kept whole (config, report history, final numbers). A STUDY is a base
 * config plus a grid over config paths, repeated over seeds, optionally with single-task baselines; its
 * summary gives, per grid point, the mean and 95% interval over seeds of every task's test metric and loss,
 * and Δm% against the baselines (lower is better).
 */
import type { ExperimentConfig } from '../config/types';
import type { Report, TaskReport } from '../train/report';
import type { TrainerInfo } from '../train/trainer-info';

export type RunStatus = 'finished' | 'stopped' | 'diverged' | 'running';

/** One stored run: everything needed to show, compare, export and re-run it. */
export interface RunRecord {
  /** Unique and stable (e.g. `run-<time>-<random>`), the IndexedDB key. */
  id: string;
  /** Editable by the user; defaults to "<method> · <architecture> · seed N". */
  name: string;
  config: ExperimentConfig;
  info: TrainerInfo | null;
  /** Every report, in step order (the app may keep a decimated copy for long runs). */
  history: Report[];
  /** The last report's per-task numbers (test split for testLoss/testMetric); null if none was made. */
  final: { step: number; tasks: TaskReport[] } | null;
  status: RunStatus;
  /** Why it stopped early (divergence message), when it did. */
  stopReason?: string;
  /** The tfjs backend it trained on ('wasm', 'webgpu', 'cpu', ...). */
  backend: string;
  wallSeconds: number;
  /** ms since the epoch. */
  createdAt: number;
  /** The study it belongs to, if any, and its grid point / seed / baseline role there. */
  study?: { id: string; group: string; seed: number; baselineTask?: string };
  /**
   * How many seeds trained side by side with this one as replicas of one batched step (a study's seeds,
   * runner/train-seed-batch.ts); `wallSeconds` is then the batch's time shared equally. Absent: alone.
   */
  seedBatch?: number;
  /** Mid-run changes (learning rate or method), for marks on the time charts. */
  changes?: RunChange[];
}

/** A change made while the run trained: drawn as a mark on every time chart at `step`. */
export interface RunChange {
  step: number;
  /** e.g. "learning rate 0.01 → 0.003", "method EW → PCGrad". */
  what: string;
}

/** A study file: `{ base, grid, seeds, baselines }` (CLI `sweep` and the app's study builder). */
export interface StudySpec {
  /** A config as a user writes it (validated with parseConfig after each grid point is applied). */
  base: Record<string, unknown>;
  /**
   * Config path (dot-separated, as `--set`) → the values it takes; a value may be a whole sub-object
   * (e.g. `"architecture": [{ "id": "mmoe" }, ...]`). The grid is the cross product, in key order.
   */
  grid: Record<string, unknown[]>;
  /** Seeds 1..N (or the explicit list) for every grid point. */
  seeds: number[];
  /** Add single-task baselines (one independent model per task, same seeds, widths and budget). */
  baselines: boolean;
  /** Optional display name. */
  name?: string;
}

/** One training a study will do. Runs of one group differ only in `seed`. */
export interface PlannedRun {
  /**
   * The grid point's key (stable string of `settings`), or `baseline` for baseline runs (`baseline · <kept
   * settings>` when the grid needs several baseline sets, e.g. one per correlation).
   */
  group: string;
  /**
   * path → value of this grid point (echoed in the summary by the same paths); for baselines, the settings
   * they keep (those outside architecture and method: {} when the grid varies only those).
   */
  settings: Record<string, unknown>;
  seed: number;
  config: ExperimentConfig;
  /** Set for baseline runs: which task the baseline serves (all tasks when one model trains them apart). */
  baselineTasks?: string[];
  /** Set for grid-point runs of a study with baselines: the group of the baseline set Δm% pairs them with. */
  baselineGroup?: string;
}

/** Mean and 95% confidence interval (Student's t over seeds) of one quantity. */
export interface Estimate {
  mean: number;
  /** Half-width of the 95% interval: mean ± ci95; 0 with one seed (no interval: `n` says so). */
  ci95: number;
  n: number;
}

export interface GroupSummary {
  group: string;
  settings: Record<string, unknown>;
  seeds: number[];
  tasks: { name: string; metric: Estimate; loss: Estimate; higherIsBetter?: boolean }[];
  /** The baseline set this group's Δm% is measured against (StudySummary.baselineSets), when there is one. */
  baselineGroup?: string;
  /** Δm% against the baselines over seeds (paired by seed); null without baselines. */
  deltaM: Estimate | null;
  /**
   * True when the 95% interval of the paired difference of Δm% (or, without baselines, of the mean test
   * loss) to the first group contains 0: not distinguishable from it at these seeds. Null for the first group.
   */
  withinNoise: boolean | null;
}

export interface StudySummary {
  groups: GroupSummary[];
  /** Per task: the baseline's test metric and loss over seeds (the first baseline set's, when there are several). */
  baselines: { name: string; metric: Estimate; loss: Estimate }[];
  /**
   * Every baseline set (one per distinct non-architecture, non-method setting of the grid, e.g. one per
   * correlation), with the settings it keeps; empty without baselines.
   */
  baselineSets?: BaselineSetSummary[];
}

/** One set of single-task baselines over seeds. */
export interface BaselineSetSummary {
  group: string;
  settings: Record<string, unknown>;
  seeds: number[];
  tasks: { name: string; metric: Estimate; loss: Estimate; higherIsBetter?: boolean }[];
}
