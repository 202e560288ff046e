/**
 * The study builder's draft and its conversion to a StudySpec. The base is the experiment open in the
 * app (its config as it stands, with the builder's step budget); each vary row adds one grid path; every
 * grid point repeats over seeds 1..N; baselines add single-task models. Bad input gives one line per
 * problem naming the field, and nothing is started until there is none.
 */
import { TRAINING_SETTINGS } from '../../engine/config/settings';
import type { ExperimentConfig } from '../../engine/config/types';
import type { StudySpec } from '../../engine/study/types';
import { configJson } from '../url-repair';
import { currentValue, findVaryField, type VaryField } from './vary-fields';
import { parseTicked, parseValuesText, valueText, widgetOf } from './vary-values';

/** One field to vary: ticked boxes (registry ids, choices, on/off) or typed values (numbers, lists). */
export interface VaryRow {
  path: string;
  ticked: string[];
  text: string;
}

export interface StudyDraft {
  rows: VaryRow[];
  /** Seeds 1..N for every grid point. */
  seeds: number;
  baselines: boolean;
  /** Steps per run (the app trains until paused; a study's runs need an end). */
  steps: number;
}

/** A problem in the draft: `field` is a row's path, or 'seeds' / 'steps' / 'rows'. */
export interface DraftIssue {
  field: string;
  message: string;
}

export const MIN_SEEDS = 1;
export const MAX_SEEDS = 20;

/** A study starts from the config's own budget, capped so a first study does not take an hour. */
const STARTING_STEPS = 500;

export const initialDraft = (config: ExperimentConfig): StudyDraft => ({
  rows: [],
  seeds: 3,
  baselines: true,
  steps: Math.min(config.steps, STARTING_STEPS),
});

/** A fresh row for `field`, starting from the base config's value (ticked, or written out). */
export function newRow(field: VaryField, config: ExperimentConfig): VaryRow {
  const value = currentValue(config, field.path);
  if (widgetOf(field) === 'checkboxes') return { path: field.path, ticked: [String(value)], text: '' };
  return {
    path: field.path,
    ticked: [],
    text: field.kind === 'param' && value !== undefined ? valueText(field.spec, value) : '',
  };
}

export type DraftResult = { spec: StudySpec; issues: [] } | { spec: null; issues: DraftIssue[] };

/** The StudySpec a draft describes over `config`, or every problem with it. */
export function draftToSpec(
  draft: StudyDraft,
  config: ExperimentConfig,
  fields: readonly VaryField[],
): DraftResult {
  const issues: DraftIssue[] = [];
  const grid: Record<string, unknown[]> = {};
  const names: string[] = [];
  for (const row of draft.rows) {
    const field = findVaryField(fields, row.path);
    if (!field) {
      issues.push({ field: row.path, message: `${row.path}: not a field of this experiment any more` });
      continue;
    }
    if (Object.hasOwn(grid, row.path)) {
      issues.push({ field: row.path, message: `${field.label}: varied twice; keep one row` });
      continue;
    }
    const parsed =
      widgetOf(field) === 'checkboxes' ? parseTicked(field, row.ticked) : parseValuesText(field, row.text);
    if ('error' in parsed) issues.push({ field: row.path, message: parsed.error });
    else {
      grid[row.path] = parsed.values;
      names.push(field.label);
    }
  }
  if (draft.rows.length === 0)
    issues.push({ field: 'rows', message: 'Add a field to vary: a study compares the values you pick.' });
  const { seeds, steps } = draft;
  if (!Number.isInteger(seeds) || seeds < MIN_SEEDS || seeds > MAX_SEEDS)
    issues.push({
      field: 'seeds',
      message: `Seeds: ${String(seeds)} is not accepted; expected a whole number from ${MIN_SEEDS} to ${MAX_SEEDS}`,
    });
  const stepSpec = TRAINING_SETTINGS.steps;
  if (!Number.isInteger(steps) || steps < stepSpec.min || steps > stepSpec.max)
    issues.push({
      field: 'steps',
      message: `Steps per run: ${String(steps)} is not accepted; expected a whole number from ${stepSpec.min} to ${stepSpec.max.toLocaleString('en-US')}`,
    });
  if (issues.length) return { spec: null, issues };
  const name = [
    names.join(' × '),
    `${seeds} seed${seeds === 1 ? '' : 's'}`,
    draft.baselines ? 'with baselines' : null,
  ]
    .filter(Boolean)
    .join(', ');
  return {
    spec: {
      // A report needs a step to happen at: a short budget reports at its end at least.
      base: { ...configJson(config), steps, reportEvery: Math.min(config.reportEvery, steps) },
      grid,
      seeds: Array.from({ length: seeds }, (_, i) => i + 1),
      baselines: draft.baselines,
      name,
    },
    issues: [],
  };
}
