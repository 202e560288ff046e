/**
 * `--set path=value` overrides (CLI) on a raw config before validation. Paths are dotted, with list
 * indices as `.2` or `[2]`. Values are JSON when they parse as JSON (numbers, booleans, lists), otherwise
 * strings, so `--set method.id=pcgrad` and `--set architecture.params.widths=[64,64]` both work.
 */
import { ConfigError } from './types';

const SELECTIONS = new Set(['task', 'architecture', 'method', 'optimizer']);

export function parseOverride(text: string): { path: string[]; value: unknown } {
  const eq = text.indexOf('=');
  if (eq <= 0) {
    throw new ConfigError([
      { path: '--set', message: `expected path=value (e.g. method.id=pcgrad), got '${text}'` },
    ]);
  }
  const path = text
    .slice(0, eq)
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part.length > 0);
  const rawValue = text.slice(eq + 1);
  let value: unknown = rawValue;
  try {
    value = JSON.parse(rawValue);
  } catch {
    // Not JSON: keep the text as a string (ids, enum values).
  }
  return { path, value };
}

/**
 * Apply one override to a raw config (returns a new object). Changing a choice's id drops the parameters
 * given for the previous choice, since they belong to another entry (later --set flags may add new ones).
 */
export function applyOverride(raw: Record<string, unknown>, text: string): Record<string, unknown> {
  const { path, value } = parseOverride(text);
  const out = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
  const [head] = path;
  if (path.length === 2 && head && SELECTIONS.has(head) && path[1] === 'id') {
    const selection = out[head];
    const current =
      typeof selection === 'object' && selection !== null ? (selection as Record<string, unknown>) : {};
    if (current.id !== value) out[head] = { id: value };
    else out[head] = { ...current, id: value };
    return out;
  }
  let node: Record<string, unknown> | unknown[] = out;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string;
    const next = Array.isArray(node) ? node[Number(key)] : node[key];
    if (typeof next === 'object' && next !== null) {
      node = next as Record<string, unknown>;
    } else {
      const created: Record<string, unknown> | unknown[] = /^\d+$/.test(path[i + 1] ?? '') ? [] : {};
      if (Array.isArray(node)) node[Number(key)] = created;
      else node[key] = created;
      node = created;
    }
  }
  const last = path[path.length - 1] as string;
  if (Array.isArray(node)) node[Number(last)] = value;
  else node[last] = value;
  return out;
}
