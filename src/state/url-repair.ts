/**
 * Turns a link's settings into an experiment, keeping every field that is valid and dropping only the ones
 * the validator names (each then takes its default). A link with one typo must not throw away the other
 * nine settings someone shared. The validator's issues carry the field's path, so a field is dropped where
 * the issue points; an issue about a default that clashes with the link (steps below the default report
 * interval) is pinned on the link's field whose removal clears it.
 */
import { findArchitectureCard } from '../engine/architectures/catalogue';
import { ISOLATION_SETTINGS } from '../engine/config/isolation';
import { defaultConfig, parseConfig } from '../engine/config/parse';
import { findOptimizerCard } from '../engine/config/optimizers';
import { findSectionCard, SECTION_KEYS, type SectionKey } from '../engine/config/sections';
import { TRAINING_SETTINGS } from '../engine/config/settings';
import { ConfigError, type ExperimentConfig } from '../engine/config/types';
import { findMethodCard } from '../engine/methods/catalogue';
import type { ConfigIssue } from '../engine/params/spec';
import { findSampler } from '../engine/sampling/registry';
import { findTaskSuite } from '../engine/tasks/registry';
import type { Ignored } from './notice-text';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Registry choices `{ id, params }`: the five every config has, then the optional sections. */
const SELECTIONS = ['task', 'architecture', 'method', 'optimizer', 'sampling', ...SECTION_KEYS] as const;
type SelectionKey = (typeof SELECTIONS)[number];
const isSection = (key: SelectionKey): key is SectionKey => (SECTION_KEYS as readonly string[]).includes(key);

/** Keys that would reach an object's prototype if a merge ever assigned them. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Rounds of dropping before giving up on the link (each round drops at least one field). */
const MAX_ROUNDS = 24;

/** A config as plain JSON: a copy (ExperimentConfig's interfaces have no index signature, so no cast). */
export const configJson = (config: ExperimentConfig): JsonObject =>
  JSON.parse(JSON.stringify(config)) as JsonObject;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The parameter names a registry entry accepts (undefined: no such entry). */
function paramNames(key: SelectionKey, id: unknown): string[] | undefined {
  if (typeof id !== 'string') return undefined;
  const specs = isSection(key)
    ? findSectionCard(key, id)?.params
    : key === 'task'
      ? findTaskSuite(id)?.params
      : key === 'architecture'
        ? findArchitectureCard(id)?.params
        : key === 'method'
          ? findMethodCard(id)?.params
          : key === 'sampling'
            ? findSampler(id)?.params
            : findOptimizerCard(id)?.params;
  return specs ? Object.keys(specs) : undefined;
}

/** Defaults per task suite, computed once (each is a full validation). */
const defaultsByTask = new Map<string, Json>();
function defaultsFor(taskId: unknown): Json {
  const id = typeof taskId === 'string' && findTaskSuite(taskId) ? taskId : '';
  let base = defaultsByTask.get(id);
  if (base === undefined) {
    base = configJson(id ? defaultConfig(id) : defaultConfig());
    defaultsByTask.set(id, base);
  }
  return base;
}

/** Deep merge of plain objects (arrays and scalars replace); a registry choice with a new id replaces. */
export function merge(base: Json, over: Json): Json {
  if (!isObject(over) || !isObject(base)) return over;
  if ('id' in over && over.id !== base.id) return over;
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (FORBIDDEN.has(key)) continue;
    out[key] = own(base, key) ? merge(base[key] as Json, value) : value;
  }
  return out;
}

/** The config the link describes, or the validator's issues. */
function attempt(link: JsonObject): ExperimentConfig | ConfigIssue[] {
  const taskId = isObject(link.task) ? link.task.id : undefined;
  try {
    // The named task's defaults first (it decides every other default), then the link on top.
    return parseConfig(merge(defaultsFor(taskId), link));
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
}

/** `a.b[2].c` -> ['a', 'b', 2, 'c']. */
function segments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.'))
    for (const piece of part.split(/(?=\[)/)) {
      const index = /^\[(\d+)\]$/.exec(piece);
      out.push(index ? Number(index[1]) : piece);
    }
  return out;
}

/**
 * Drop what `issue` points at from the link; returns the dropped fields' paths, or [] when the link does not
 * hold that field (the issue is about a default).
 */
function dropAt(link: JsonObject, issue: ConfigIssue): string[] {
  const [top, second, third] = segments(issue.path);
  if (typeof top !== 'string' || !own(link, top)) return [];
  const value = link[top];
  /** Delete `keys` of `from`, returning their paths under `prefix`. */
  const drop = (from: JsonObject, keys: string[], prefix: string) =>
    keys.map((k) => (delete from[k], `${prefix}.${k}`));
  if ((SELECTIONS as readonly string[]).includes(top) && isObject(value)) {
    // Unknown keys beside id and params.
    if (second === undefined)
      return drop(
        value,
        Object.keys(value).filter((k) => k !== 'id' && k !== 'params'),
        top,
      );
    if (second === 'params') {
      if (!own(value, 'params')) return [];
      const params = value.params;
      if (typeof third === 'string' && isObject(params))
        return own(params, third) ? drop(params, [third], `${top}.params`) : [];
      // Unknown parameters, or params that are not an object at all.
      const known = paramNames(top as SelectionKey, value.id);
      const unknown = isObject(params) && known ? Object.keys(params).filter((k) => !known.includes(k)) : [];
      if (unknown.length) return drop(params as JsonObject, unknown, `${top}.params`);
      delete value.params;
      return [`${top}.params`];
    }
    // The id, or a check across fields that names the choice: the whole choice goes.
    delete link[top];
    return [`${top}.id`];
  }
  if (top === 'isolation' && isObject(value)) {
    if (typeof second === 'string') return own(value, second) ? drop(value, [second], 'isolation') : [];
    const unknown = Object.keys(value).filter((k) => !own(ISOLATION_SETTINGS, k));
    if (unknown.length) return drop(value, unknown, 'isolation');
  }
  delete link[top];
  return [top];
}

/** The order in which a link's fields are suspected of clashing with a default: the task last. */
const SUSPECTS = [...Object.keys(TRAINING_SETTINGS).reverse(), 'isolation', ...[...SELECTIONS].reverse()];

/** The link's field whose removal makes `issue` go away (an issue about a default), dropped; or null. */
function dropCulprit(link: JsonObject, issue: ConfigIssue): string | null {
  const keys = Object.keys(link).sort((a, b) => SUSPECTS.indexOf(a) - SUSPECTS.indexOf(b));
  for (const key of keys) {
    const { [key]: _removed, ...rest } = link;
    const result = attempt(rest);
    if (!Array.isArray(result) || !result.some((i) => i.path === issue.path)) {
      delete link[key];
      return key;
    }
  }
  return null;
}

/** A deep copy of JSON without keys that could reach a prototype; those are reported as ignored. */
function sanitize(value: Json, path: string, ignored: Ignored[]): Json {
  if (Array.isArray(value)) return value.map((v, i) => sanitize(v, `${path}[${i}]`, ignored));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (FORBIDDEN.has(key)) ignored.push({ field: at, reason: 'not a setting' });
    else out[key] = sanitize(v, at, ignored);
  }
  return out;
}

/** What to tell about a dropped field: the issue's own path when it lies inside the field, else its path too. */
function describeDrop(field: string, issue: ConfigIssue): Ignored {
  const within = (inner: string, outer: string) =>
    inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  if (within(field, issue.path)) return { field, reason: issue.message };
  if (within(issue.path, field)) return { field: issue.path, reason: issue.message };
  return { field, reason: `${issue.path}: ${issue.message}` };
}

export interface Repaired {
  config: ExperimentConfig;
  /** The link's fields that were dropped, in the order found; empty when the whole link applied. */
  ignored: Ignored[];
}

/** The config's own top-level fields. */
const FIELDS = [...SELECTIONS, ...Object.keys(TRAINING_SETTINGS), 'isolation'];

/**
 * Unknown top-level keys, dropped before validating: the validator writes a hostile key quoted in its
 * path, which then names no key of the link, and a link may hold thousands of them.
 */
function dropUnknown(link: JsonObject, ignored: Ignored[]): void {
  for (const key of Object.keys(link))
    if (!FIELDS.includes(key)) {
      delete link[key];
      ignored.push({ field: key, reason: `unknown field; accepted: ${FIELDS.join(', ')}` });
    }
}

/** The experiment of a link's settings (a JSON object), dropping only the fields that cannot be used. */
export function repairConfig(raw: JsonObject): Repaired {
  const ignored: Ignored[] = [];
  const link = sanitize(raw, '', ignored) as JsonObject;
  dropUnknown(link, ignored);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = attempt(link);
    if (!Array.isArray(result)) return { config: result, ignored };
    let dropped = 0;
    for (const issue of result)
      for (const field of dropAt(link, issue)) {
        ignored.push(describeDrop(field, issue));
        dropped++;
      }
    if (dropped) continue;
    const [first] = result;
    const culprit = first ? dropCulprit(link, first) : null;
    if (culprit === null) break;
    // The whole field went, for an issue about a default it clashed with: name the field, then the issue.
    const issue = first as ConfigIssue;
    ignored.push({
      field: culprit,
      reason: issue.path === culprit ? issue.message : `${issue.path}: ${issue.message}`,
    });
  }
  // Nothing left to drop but still invalid: the link cannot be used at all (not expected with valid defaults).
  return {
    config: defaultConfig(),
    ignored: [...ignored, ...Object.keys(link).map((field) => ({ field, reason: 'could not be used' }))],
  };
}
