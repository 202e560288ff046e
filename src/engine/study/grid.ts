/**
 * The grid of a study: its points (the cross product of the values of each path, first path slowest), each
 * point's settings applied to the base config the way `--set` applies them (config/overrides.ts: a changed
 * id drops the old entry's params), and a stable, readable key per point.
 */
import { applyOverride } from '../config/overrides';
import { ConfigError } from '../config/types';

export type Settings = Record<string, unknown>;

/** JSON with object keys sorted, so equal values give equal text whatever order their keys were written in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A value as a key shows it: plain words bare (pcgrad), anything else as JSON (0.5, [true,false], "1"). */
const shownValue = (value: unknown): string =>
  typeof value === 'string' && /^[A-Za-z][\w.-]*$/.test(value) && !/^(true|false|null)$/.test(value)
    ? value
    : stableJson(value);

/** `method.id=pcgrad, task.params.correlation=0.5`: a group's key and label. */
export function settingsKey(settings: Settings): string {
  const parts = Object.entries(settings).map(([path, value]) => `${path}=${shownValue(value)}`);
  return parts.length ? parts.join(', ') : 'base';
}

/** Every combination of the grid's values, in key order (the first path varies slowest). */
export function gridPoints(grid: Readonly<Record<string, readonly unknown[]>>): Settings[] {
  let points: Settings[] = [{}];
  for (const [path, values] of Object.entries(grid))
    points = points.flatMap((point) => values.map((value) => ({ ...point, [path]: value })));
  return points;
}

/** How many points the grid has, without listing them (to refuse a huge grid before building it). */
export const gridSize = (grid: Readonly<Record<string, readonly unknown[]>>): number =>
  Object.values(grid).reduce((n, values) => n * values.length, 1);

/**
 * The base config with one point's settings applied in key order. Any value JSON can hold is passed
 * through `applyOverride` as JSON text, so a whole sub-object (`"architecture": {"id": "mmoe"}`) replaces
 * that field and `method.id` drops the previous method's params exactly as `--set` does. Errors name the
 * grid path (`grid.<path>`) instead of `--set <path>`.
 */
export function applySettings(base: Record<string, unknown>, settings: Settings): Record<string, unknown> {
  let raw = base;
  for (const [path, value] of Object.entries(settings)) {
    try {
      raw = applyOverride(raw, `${path}=${JSON.stringify(value)}`);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      throw new ConfigError(error.issues.map((i) => ({ ...i, path: `grid.${path}` })));
    }
  }
  return raw;
}
