/**
 * A vary row's values as the study's grid takes them, checked against the field's own spec: ticked boxes
 * for registry ids, choices and yes/no; typed text for numbers ("0.001, 0.01, 0.1"), for texts (file
 * names, separated by ";") and for list-valued parameters (one list per value, separated by ";": "32, 32;
 * 64, 64"; column names: "bill, flipper; bill"). A bad value gives one line that
 * names the field, the value and what is accepted.
 */
import type { ParamSpec } from '../../engine/params/spec';
import type { VaryField } from './vary-fields';

/** How a row is edited: boxes to tick, or text to type (numbers, lists). */
export type ValueWidget = 'checkboxes' | 'numbers' | 'lists';

export function widgetOf(field: VaryField): ValueWidget {
  if (field.kind === 'registry') return 'checkboxes';
  const kind = field.spec.kind;
  if (kind === 'enum' || kind === 'boolean') return 'checkboxes';
  return kind === 'number' ? 'numbers' : 'lists';
}

/** The boxes a checkbox row offers: value (as text) and label. */
export function checkboxOptions(field: VaryField): { value: string; label: string; title?: string }[] {
  if (field.kind === 'registry')
    return field.choices.map((c) => ({ value: c.id, label: c.label, title: c.summary }));
  if (field.spec.kind === 'enum') return field.spec.options.map((o) => ({ value: o, label: o }));
  return [
    { value: 'true', label: 'on' },
    { value: 'false', label: 'off' },
  ];
}

/** What a text row accepts, for its placeholder and its error lines. */
export function acceptedText(spec: ParamSpec): string {
  const range = (s: { min: number; max: number; integer?: boolean }) =>
    `${s.integer ? 'whole numbers' : 'numbers'} from ${s.min} to ${s.max}`;
  switch (spec.kind) {
    case 'number':
      return `${range(spec)}, separated by commas`;
    case 'number-list':
      return `lists of ${spec.minLength}–${spec.maxLength} ${range(spec)} (commas inside a list, ";" between lists)`;
    case 'boolean-list':
      return `lists of ${spec.minLength}–${spec.maxLength} of shared/task or true/false (";" between lists)`;
    case 'enum-list':
      return `lists of ${spec.options.join('/')} (";" between lists)`;
    case 'point-list':
      return `lists of points "x y" from ${spec.min} to ${spec.max} (commas inside a list, ";" between lists)`;
    case 'text':
      return `texts of ${spec.minLength}–${spec.maxLength} characters, separated by ";"`;
    case 'text-list':
      return `lists of ${spec.minLength}–${spec.maxLength} names (commas inside a list, ";" between lists)`;
    default:
      return 'one value per box';
  }
}

export type Parsed = { values: unknown[] } | { error: string };

const numberError = (label: string, text: string, spec: ParamSpec) => ({
  error: `${label}: "${text}" is not accepted; expected ${acceptedText(spec)}`,
});

function parseNumber(text: string, spec: { min: number; max: number; integer?: boolean }): number | null {
  if (text === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n) || n < spec.min || n > spec.max) return null;
  return spec.integer && !Number.isInteger(n) ? null : n;
}

/** One text value (a file name): its length, and its pattern where the spec has one. */
function parseText(
  text: string,
  spec: { minLength: number; maxLength: number; pattern?: string | undefined },
): string | null {
  if (text.length < spec.minLength || text.length > spec.maxLength) return null;
  return spec.pattern === undefined || new RegExp(`^(?:${spec.pattern})$`).test(text) ? text : null;
}

/** One list-valued parameter's value from its text ("32, 32"), or null when a part does not fit the spec. */
function parseOneList(spec: ParamSpec, text: string): unknown[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  let out: unknown[] | null = null;
  if (spec.kind === 'number-list') {
    const nums = parts.map((p) => parseNumber(p, spec));
    out = nums.every((n) => n !== null) ? nums : null;
  } else if (spec.kind === 'boolean-list') {
    const words: Record<string, boolean> = { true: true, shared: true, false: false, task: false };
    const flags = parts.map((p) => words[p.toLowerCase()]);
    out = flags.every((f) => f !== undefined) ? flags : null;
  } else if (spec.kind === 'enum-list') {
    out = parts.every((p) => spec.options.includes(p)) ? parts : null;
  } else if (spec.kind === 'point-list') {
    const points = parts.map((p) => p.split(/\s+/).map((x) => parseNumber(x, spec)));
    out = points.every((p) => p.length === 2 && p.every((x) => x !== null)) ? points : null;
  } else if (spec.kind === 'text-list') {
    out = parts.every((p) => p.length >= spec.minItemLength && p.length <= spec.maxItemLength) ? parts : null;
  }
  if (!out || !('minLength' in spec)) return null;
  return out.length >= spec.minLength && out.length <= spec.maxLength ? out : null;
}

/** The grid values of a text row; an error names the first bad value. Duplicates are kept once. */
export function parseValuesText(field: VaryField, text: string): Parsed {
  if (field.kind === 'registry') return { error: `${field.label}: tick the entries to compare` };
  const { spec } = field;
  const separator = spec.kind === 'number' ? ',' : ';';
  const parts = text
    .split(separator)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { error: `${field.label}: no values; expected ${acceptedText(spec)}` };
  const values: unknown[] = [];
  for (const part of parts) {
    const value =
      spec.kind === 'number'
        ? parseNumber(part, spec)
        : spec.kind === 'text'
          ? parseText(part, spec)
          : parseOneList(spec, part);
    if (value === null) return numberError(field.label, part, spec);
    values.push(value);
  }
  return { values: dedupe(values) };
}

/** The grid values of a checkbox row, in the field's own order. */
export function parseTicked(field: VaryField, ticked: readonly string[]): Parsed {
  const options = checkboxOptions(field).map((o) => o.value);
  const chosen = options.filter((o) => ticked.includes(o));
  if (chosen.length === 0) return { error: `${field.label}: tick at least one value to compare` };
  const isFlag = field.kind === 'param' && field.spec.kind === 'boolean';
  return { values: isFlag ? chosen.map((v) => v === 'true') : chosen };
}

function dedupe(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The text a list-valued value is written as (the base config's value, as a starting point). */
export function valueText(spec: ParamSpec, value: unknown): string {
  if (!Array.isArray(value)) return String(value);
  if (spec.kind === 'boolean-list') return value.map((v) => (v ? 'shared' : 'task')).join(', ');
  return value.map((v) => (Array.isArray(v) ? v.join(' ') : String(v))).join(', ');
}
