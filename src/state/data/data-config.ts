/**
 * The experiment "Train on this data" starts: the `csv` task with the chosen setup, pinned to the file's
 * content hash (so a stored or exported run names the data it needs), on a shared-bottom network with a
 * budget that trains a few hundred rows in seconds. The method, optimizer and seed stay the user's; the
 * architecture and budget are reset because the previous ones were chosen for another task (an image
 * trunk, a 100,000-step toy). Pure, tested in Node.
 */
import { DEFAULT_SELECTIONS } from '../../engine/config/parse';
import { classEntry } from '../../engine/tasks/csv/class-lists';
import { CSV_SUITE_ID } from '../../engine/tasks/csv/suite';
import type { ExperimentConfig } from '../../engine/config/types';
import type { CsvSetup } from '../../engine/tasks/csv/types';
import type { MissingPolicy } from '../../worker/data/data-protocol';

export interface DataOptions {
  /** Share of the (kept) rows held out as the test split: 0.05 to 0.5. */
  testShare: number;
  missing: MissingPolicy;
  /** Standardise inputs and regression targets with the training rows' mean and std. */
  standardize: boolean;
}

export const DEFAULT_DATA_OPTIONS: DataOptions = { testShare: 0.2, missing: 'drop-rows', standardize: true };

/** The starting network and budget, named in the dialog so nothing changes behind the student's back. */
export const STARTING_WIDTHS = [64, 32];
export const STARTING_BATCH = 64;
export const STARTING_STEPS = 2000;
export const STARTING_LEARNING_RATE = 0.01;
export const STARTING_REPORT_EVERY = 50;

/** The `csv` task's params (engine/tasks/csv suite) for a file and a setup. */
export function csvTaskParams(
  file: { name: string; hash: string },
  setup: CsvSetup,
  options: DataOptions,
): Record<string, unknown> {
  return {
    file: file.name,
    hash: file.hash,
    inputs: [...setup.inputs],
    labels: setup.labels.map((l) => l.column),
    kinds: setup.labels.map((l) => l.kind),
    // Only when a label keeps some of its classes: an empty entry (and no list at all) keeps every class.
    ...(setup.labels.some((l) => l.classes) && { classes: setup.labels.map((l) => classEntry(l.classes)) }),
    testShare: options.testShare,
    missing: options.missing,
    standardize: options.standardize,
  };
}

/** Training rows the setup leaves (what bounds the batch size). */
export const trainRows = (keptRows: number, testShare: number): number =>
  keptRows - Math.ceil(keptRows * testShare);

/**
 * The raw config (parsed by the store's changeConfig): the current one's method, optimizer, sampling,
 * isolation and seed with the csv task, a shared-bottom MLP and the starting budget. The batch never
 * exceeds the training rows.
 */
export function dataConfig(
  current: ExperimentConfig,
  file: { name: string; hash: string },
  setup: CsvSetup,
  options: DataOptions,
  keptRows: number,
): Record<string, unknown> {
  const batchSize = Math.max(1, Math.min(STARTING_BATCH, trainRows(keptRows, options.testShare)));
  return {
    ...current,
    task: { id: CSV_SUITE_ID, params: csvTaskParams(file, setup, options) },
    architecture: {
      id: DEFAULT_SELECTIONS.architecture, // the shared-bottom MLP: its params follow
      params: { widths: STARTING_WIDTHS, shared: STARTING_WIDTHS.map(() => true), activation: 'relu' },
    },
    learningRate: STARTING_LEARNING_RATE,
    batchSize,
    steps: STARTING_STEPS,
    reportEvery: STARTING_REPORT_EVERY,
  };
}

/**
 * The same with equal weights and the default sampling and isolation: the fallback when the current choices
 * refuse this task (a method for two tasks only, a gradient mask sized for another number of tasks).
 */
export function withPlainChoices(raw: Record<string, unknown>): Record<string, unknown> {
  const { sampling: _sampling, isolation: _isolation, ...rest } = raw;
  return { ...rest, method: { id: DEFAULT_SELECTIONS.method } };
}
