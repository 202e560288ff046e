/**
 * `--set path=value` overrides (CLI) on a raw config before validation. Paths are dotted, with list
 * indices as `.2` or `[2]`. Values are JSON when they parse as JSON (numbers, booleans, lists), otherwise
 * strings, so `--set method.id=pcgrad` and `--set architecture.params.widths=[64,64]` both work.
 *
 * A path may only name fields: it must start at a config field, step into lists by index only, and never
 * through a scalar or a prototype (`__proto__.x` would otherwise write into Object.prototype itself).
 */
import { describeValue, oneLine, pathSegment } from '../params/describe';
import { TOP_LEVEL_KEYS } from './parse';
import { ConfigError } from './types';

/** The choices whose params belong to one id (changing the id drops them). */
const SELECTIONS = new Set(['task', 'architecture', 'method', 'optimizer', 'sampling']);
/** Names that reach an object's prototype machinery instead of its data. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/** No list in a config holds more than 64 items; a larger index would only build a huge sparse list. */
const MAX_INDEX = 1023;
const INDEX = /^(0|[1-9]\d*)$/;

type Node = Record<string, unknown> | unknown[];

const fail = (path: string, message: string, accepted?: string): never => {
  throw new ConfigError([{ path: `--set ${oneLine(path, 60)}`, message, ...(accepted ? { accepted } : {}) }]);
};

export function parseOverride(text: string): { path: string[]; value: unknown } {
  const eq = text.indexOf('=');
  if (eq <= 0) {
    const accepted = 'path=value (e.g. method.id=pcgrad)';
    throw new ConfigError([
      { path: '--set', message: `expected ${accepted}, got ${describeValue(text)}`, accepted },
    ]);
  }
  const pathText = text.slice(0, eq);
  const path = pathText.replace(/\[([^\]]*)\]/g, '.$1').split('.');
  if (path.some((part) => part.length === 0))
    fail(pathText, 'expected field names joined by dots, e.g. method.params.c or widths[0]');
  const bad = path.find((part) => FORBIDDEN.has(part));
  if (bad !== undefined)
    fail(pathText, `'${bad}' is not a config field; accepted: field names and list indices`);
  const [head] = path as [string];
  if (!TOP_LEVEL_KEYS.includes(head))
    fail(
      pathText,
      `unknown field ${pathSegment(head)}; accepted: ${TOP_LEVEL_KEYS.join(', ')}`,
      TOP_LEVEL_KEYS.join(', '),
    );
  const rawValue = text.slice(eq + 1);
  let value: unknown = rawValue;
  try {
    value = JSON.parse(rawValue);
  } catch {
    // Not JSON: keep the text as a string (ids, enum values).
  }
  return { path, value };
}

/** A copy of one container (own data only), so the caller's config is never written to. */
const copyOf = (node: Node): Node => (Array.isArray(node) ? node.slice() : { ...node });

/** Read a child only if the container has it itself: never an inherited member. */
const childOf = (node: Node, key: string): unknown =>
  Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;

function describeKind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

/**
 * Apply one override to a raw config (returns a new object; only the containers along the path are
 * copied, so a deeply nested value elsewhere costs nothing). Changing a choice's id drops the parameters
 * given for the previous choice, since they belong to another entry (later --set flags may add new ones).
 */
export function applyOverride(raw: Record<string, unknown>, text: string): Record<string, unknown> {
  const { path, value } = parseOverride(text);
  const pathText = text.slice(0, text.indexOf('='));
  const out = { ...raw };
  const [head] = path as [string];
  if (path.length === 2 && SELECTIONS.has(head) && path[1] === 'id') {
    const selection = childOf(out, head);
    const current =
      typeof selection === 'object' && selection !== null && !Array.isArray(selection)
        ? (selection as Record<string, unknown>)
        : {};
    out[head] = current.id === value ? { ...current, id: value } : { id: value };
    return out;
  }
  let node: Node = out;
  for (let i = 0; i < path.length; i++) {
    const key = path[i] as string;
    const where = path.slice(0, i).map(pathSegment).join('.');
    if (Array.isArray(node)) {
      if (!INDEX.test(key) || Number(key) > MAX_INDEX)
        fail(
          pathText,
          `${where} is a list; expected an index from 0 to ${MAX_INDEX} after it (e.g. ${where}[0]), got ${INDEX.test(key) ? key : describeValue(key, 20)}`,
          `an index from 0 to ${MAX_INDEX}`,
        );
    }
    if (i === path.length - 1) {
      (node as Record<string, unknown>)[key] = value;
      break;
    }
    const child = childOf(node, key);
    let next: Node;
    if (child === undefined) next = INDEX.test(path[i + 1] as string) ? [] : {};
    else if (typeof child === 'object' && child !== null) next = copyOf(child as Node);
    else {
      const at = [...path.slice(0, i), key].map(pathSegment).join('.');
      return fail(
        pathText,
        `${at} holds ${describeKind(child)} (${describeValue(child, 20)}), which has no field ${pathSegment(path[i + 1] as string)}`,
      );
    }
    (node as Record<string, unknown>)[key] = next;
    node = next;
  }
  return out;
}
