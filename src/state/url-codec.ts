/**
 * The whole experiment lives in the URL hash, so a copied URL reproduces it: `#config=<JSON>` holding only
 * the fields that differ from the defaults (short, readable links). Decoding never throws: a hash that is not
 * an experiment at all yields the fallback (the defaults, or the experiment already open) with a notice; a
 * link with some unusable fields keeps the rest (url-repair.ts) and the notice names what was ignored.
 */
import { defaultConfig } from '../engine/config/parse';
import type { ExperimentConfig } from '../engine/config/types';
import { ignoredNotice } from './notice-text';
import { configJson, repairConfig, type Json } from './url-repair';

/** Longer hashes are refused before parsing: no experiment needs them, and they could stall the page. */
export const MAX_HASH_LENGTH = 8192;

export interface DecodedHash {
  config: ExperimentConfig;
  /** Set when the hash could not be used as it was: what was wrong, for the notice banner (one line). */
  notice?: string;
}

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
    if ('id' in value && Object.keys(out).length) out.id = value.id;
    return out;
  }
  return value;
}

export function encodeConfig(config: ExperimentConfig): string {
  const base = defaultConfig(config.task.id);
  const changes = diff(configJson(config), configJson(base)) ?? {};
  const compact = { ...(changes as Record<string, Json>) };
  // Always name the task: it decides every other default.
  compact.task = { ...((compact.task as Record<string, Json> | undefined) ?? {}), id: config.task.id };
  return `#config=${encodeURIComponent(JSON.stringify(compact))}`;
}

/**
 * The experiment a hash describes. `current` is what to keep when the hash holds no experiment at all (the
 * experiment already open, when the user edits the hash); without it, the defaults open.
 */
export function decodeHash(hash: string, current?: ExperimentConfig): DecodedHash {
  const fallback = (notice: string): DecodedHash => ({
    config: current ?? defaultConfig(),
    notice: `${notice} ${current ? 'Kept the experiment that was open.' : 'Opened the default experiment instead.'}`,
  });
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { config: current ?? defaultConfig() };
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
    return fallback("The link's settings are not an experiment (expected a JSON object).");
  const { config, ignored } = repairConfig(raw as { [key: string]: Json });
  return ignored.length ? { config, notice: ignoredNotice(ignored) } : { config };
}
