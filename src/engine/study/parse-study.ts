/**
 * Validation of a study file `{ base, grid, seeds, baselines, name? }` (CLI `sweep`, the app's study
 * builder, import). Every problem is a ConfigError issue naming its path (`seeds`, `grid.method.id[2]`,
 * `grid point (method.id=mgda): method.params.x`) and what is accepted there; a study that parses also
 * plans (every grid point's config and every baseline config parse), so running it cannot fail on input.
 */
import { parseOverride } from '../config/overrides';
import { TRAINING_SETTINGS } from '../config/settings';
import { ConfigError } from '../config/types';
import { describeValue, oneLine, pathSegment, quoteKeys } from '../params/describe';
import type { ConfigIssue } from '../params/spec';
import { gridSize, stableJson } from './grid';
import { planStudy } from './plan-study';
import type { StudySpec } from './types';

export const STUDY_KEYS = ['base', 'grid', 'seeds', 'baselines', 'name'] as const;
/** Seeds per grid point: enough for a tight interval, few enough for a browser tab. */
export const MAX_SEEDS = 50;
/** Values per grid path. */
export const MAX_GRID_VALUES = 20;
/** Trainings in one study, baselines included: a bound on what one click or command can start. */
export const MAX_RUNS = 1000;
const MAX_NAME = 120;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const issue = (path: string, message: string, accepted: string): ConfigIssue => ({
  path,
  message: `${message}; accepted: ${accepted}`,
  accepted,
});

function parseSeeds(raw: unknown, issues: ConfigIssue[]): number[] {
  const { min, max } = TRAINING_SETTINGS.seed;
  const accepted = `a whole number from 1 to ${MAX_SEEDS} (seeds 1..N) or a list of 1 to ${MAX_SEEDS} distinct whole numbers from ${min} to ${max}`;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= MAX_SEEDS)
    return Array.from({ length: raw }, (_, i) => i + 1);
  if (Array.isArray(raw) && raw.length >= 1 && raw.length <= MAX_SEEDS) {
    const bad = raw.findIndex((s) => typeof s !== 'number' || !Number.isInteger(s) || s < min || s > max);
    if (bad >= 0) {
      issues.push(
        issue(
          `seeds[${bad}]`,
          `expected a whole number from ${min} to ${max}, got ${describeValue(raw[bad])}`,
          accepted,
        ),
      );
      return [];
    }
    const twice = raw.findIndex((s, i) => raw.indexOf(s) !== i);
    if (twice >= 0) {
      issues.push(issue(`seeds[${twice}]`, `seed ${String(raw[twice])} appears twice`, accepted));
      return [];
    }
    return raw as number[];
  }
  issues.push(issue('seeds', `expected seeds, got ${describeValue(raw)}`, accepted));
  return [];
}

function parseGrid(raw: unknown, issues: ConfigIssue[]): Record<string, unknown[]> {
  const accepted = `an object of config paths (as --set writes them, e.g. "method.id") to lists of 1 to ${MAX_GRID_VALUES} distinct values`;
  if (!isRecord(raw) || Object.keys(raw).length === 0) {
    issues.push(issue('grid', `expected at least one path to vary, got ${describeValue(raw)}`, accepted));
    return {};
  }
  const grid: Record<string, unknown[]> = {};
  for (const [path, values] of Object.entries(raw)) {
    const at = `grid.${oneLine(path, 60)}`;
    try {
      const head = parseOverride(`${path}=0`).path[0];
      if (head === 'seed') {
        issues.push(issue(at, 'seeds are not a grid path', 'the top-level "seeds" field'));
        continue;
      }
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      issues.push(...error.issues.map((i) => ({ ...i, path: at })));
      continue;
    }
    if (!Array.isArray(values) || values.length === 0 || values.length > MAX_GRID_VALUES) {
      issues.push(
        issue(
          at,
          `expected a list of 1 to ${MAX_GRID_VALUES} values, got ${describeValue(values)}`,
          accepted,
        ),
      );
      continue;
    }
    const keys = values.map(stableJson);
    const twice = keys.findIndex((k, i) => keys.indexOf(k) !== i);
    if (twice >= 0) {
      issues.push(
        issue(`${at}[${twice}]`, `${describeValue(values[twice])} appears twice`, 'distinct values'),
      );
      continue;
    }
    grid[path] = values;
  }
  return grid;
}

/** Validate a study file. Throws ConfigError naming every problem (the whole config's first problem per grid point). */
export function parseStudy(raw: unknown): StudySpec {
  const accepted = `a JSON object with fields ${STUDY_KEYS.join(', ')}`;
  if (!isRecord(raw))
    throw new ConfigError([
      issue('', `the whole study: expected an object, got ${describeValue(raw)}`, accepted),
    ]);
  const issues: ConfigIssue[] = [];
  const unknown = Object.keys(raw).filter((k) => !(STUDY_KEYS as readonly string[]).includes(k));
  if (unknown.length)
    issues.push(
      issue(
        unknown.length === 1 ? pathSegment(unknown[0] as string) : '',
        `unknown field ${quoteKeys(unknown)}`,
        STUDY_KEYS.join(', '),
      ),
    );
  const base = raw.base ?? {};
  if (!isRecord(base))
    issues.push(
      issue('base', `expected a config object, got ${describeValue(base)}`, 'a config object as `run` takes'),
    );
  const grid = parseGrid(raw.grid, issues);
  const seeds = parseSeeds(raw.seeds, issues);
  const baselines = raw.baselines ?? false;
  if (typeof baselines !== 'boolean')
    issues.push(issue('baselines', `expected true or false, got ${describeValue(baselines)}`, 'true, false'));
  const name = raw.name;
  if (name !== undefined && (typeof name !== 'string' || name.length > MAX_NAME))
    issues.push(
      issue(
        'name',
        `expected a text of at most ${MAX_NAME} characters, got ${describeValue(name)}`,
        `a text of at most ${MAX_NAME} characters`,
      ),
    );
  if (issues.length) throw new ConfigError(issues);

  const points = gridSize(grid);
  // Baseline sets are at most one per grid point: bound the total before building any config.
  const most = points * seeds.length * (baselines ? 2 : 1);
  if (points * seeds.length > MAX_RUNS)
    throw new ConfigError([
      issue(
        'grid',
        `${points.toLocaleString('en-US')} grid points × ${seeds.length} seeds make ${(points * seeds.length).toLocaleString('en-US')} runs, more than ${MAX_RUNS.toLocaleString('en-US')}`,
        `at most ${MAX_RUNS.toLocaleString('en-US')} runs in all`,
      ),
    ]);
  const spec: StudySpec = {
    base: base as Record<string, unknown>,
    grid,
    seeds,
    baselines: baselines as boolean,
    ...(typeof name === 'string' ? { name } : {}),
  };
  const total = planStudy(spec).length;
  if (most > MAX_RUNS && total > MAX_RUNS)
    throw new ConfigError([
      issue(
        'baselines',
        `the grid's ${points * seeds.length} runs and their baselines make ${total.toLocaleString('en-US')} runs, more than ${MAX_RUNS.toLocaleString('en-US')}`,
        `at most ${MAX_RUNS.toLocaleString('en-US')} runs in all`,
      ),
    ]);
  return spec;
}
