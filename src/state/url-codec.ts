/**
 * The whole experiment lives in the URL hash, so a copied URL reproduces it: `#config=<JSON>` holding only
 * the fields that differ from the defaults (short, readable links). Decoding never throws: a malformed or
 * hostile hash yields the defaults and a notice that says what was wrong.
 */
import { defaultConfig, parseConfig } from '../engine/config/parse';
import type { ExperimentConfig } from '../engine/config/types';

/** Longer hashes are refused before parsing: no experiment needs them, and they could stall the page. */
export const MAX_HASH_LENGTH = 8192;

export interface DecodedHash {
  config: ExperimentConfig;
  /** Set when the hash could not be used as it was: what was wrong, for the notice banner. */
  notice?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The parts of `value` that differ from `base` (whole registry choices when their id differs). */
function diff(value: Json, base: Json | undefined): Json | undefined {
  if (JSON.stringify(value) === JSON.stringify(base)) return undefined;
  if (
    value &&
    base &&
    typeof value === 'object' &&
    typeof base === 'object' &&
    !Array.isArray(value) &&
    !Array.isArray(base)
  ) {
    if ('id' in value && value.id !== base.id) return value;
    const out: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value)) {
      const d = diff(v, base[key]);
      if (d !== undefined) out[key] = d;
    }
    if ('id' in value && Object.keys(out).length) out.id = value.id as Json;
    return out;
  }
  return value;
}

export function encodeConfig(config: ExperimentConfig): string {
  const base = defaultConfig(config.task.id);
  const changes = diff(config as unknown as Json, base as unknown as Json) ?? {};
  const compact = { ...(changes as Record<string, Json>) };
  // Always name the task: it decides every other default.
  compact.task = { ...((compact.task as Record<string, Json> | undefined) ?? {}), id: config.task.id };
  return `#config=${encodeURIComponent(JSON.stringify(compact))}`;
}

export function decodeHash(hash: string): DecodedHash {
  const fallback = (notice: string): DecodedHash => ({
    config: defaultConfig(),
    notice: `${notice} Opened the default experiment instead.`,
  });
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { config: defaultConfig() };
  if (text.length > MAX_HASH_LENGTH)
    return fallback(
      `The link's settings are too long (${text.length} characters; at most ${MAX_HASH_LENGTH}).`,
    );
  if (!text.startsWith('config='))
    return fallback('The link does not hold an experiment (expected #config=...).');
  let raw: unknown;
  try {
    raw = JSON.parse(decodeURIComponent(text.slice('config='.length)));
  } catch {
    return fallback("The link's settings are not valid JSON.");
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fallback("The link's settings are not an experiment.");
  const taskId = (raw as { task?: { id?: unknown } }).task?.id;
  try {
    // Defaults of the named task first, then the link's changes on top.
    const base = typeof taskId === 'string' ? safeDefault(taskId) : defaultConfig();
    return { config: parseConfig(merge(base as unknown as Json, raw as Json)) };
  } catch (error) {
    return fallback(`The link's settings were rejected: ${(error as Error).message}.`);
  }
}

function safeDefault(taskId: string): ExperimentConfig {
  return defaultConfig(taskId); // throws ConfigError naming task.id for an unknown suite
}

/** Deep merge of plain objects (arrays and scalars replace); a registry choice with a new id replaces. */
function merge(base: Json, over: Json): Json {
  if (
    !over ||
    typeof over !== 'object' ||
    Array.isArray(over) ||
    !base ||
    typeof base !== 'object' ||
    Array.isArray(base)
  )
    return over;
  if ('id' in over && over.id !== base.id) return over;
  const out: Record<string, Json> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    out[key] = key in base ? merge(base[key] as Json, value) : value;
  }
  return out;
}
