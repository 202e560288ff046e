/**
 * A tiny field checker for files the user hands us: each check either returns the value typed or throws one
 * RunFileError naming the field's path and what that field accepts ("run.history[2].step: expected a whole
 * number ≥ 0, got -1"). The first problem stops the check: a bad file is refused whole, before anything
 * stored is touched.
 */
import { describeValue } from '../../engine/params/describe';

export class RunFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunFileError';
  }
}

/** The one line for a field holding what it may not: "<path>: expected <accepted>, got <value>". */
export const refusal = (path: string, expected: string, got: unknown, gotText = describeValue(got)) =>
  new RunFileError(`${path}: expected ${expected}, got ${gotText}`);

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function object(path: string, v: unknown, expected = 'an object'): Json {
  if (!isObject(v)) throw refusal(path, expected, v);
  return v;
}

export function array(path: string, v: unknown, max = 1_000_000): unknown[] {
  if (!Array.isArray(v)) throw refusal(path, 'a list', v);
  if (v.length > max)
    throw refusal(
      path,
      `a list of at most ${max.toLocaleString('en-US')} entries`,
      v,
      `${v.length.toLocaleString('en-US')} entries`,
    );
  return v;
}

export function string(path: string, v: unknown, { nonEmpty = false, max = 10_000 } = {}): string {
  if (typeof v !== 'string' || (nonEmpty && !v.trim()) || v.length > max)
    throw refusal(path, `${nonEmpty ? 'a non-empty ' : 'a '}text of at most ${max} characters`, v);
  return v;
}

export function boolean(path: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw refusal(path, 'true or false', v);
  return v;
}

/**
 * A number. JSON writes NaN and ±Infinity as null (a diverged run's last losses), so `nonFinite` fields take
 * null and read it back as NaN.
 */
export function number(
  path: string,
  v: unknown,
  { min = -Infinity, whole = false, nonFinite = false } = {},
): number {
  if (nonFinite && v === null) return NaN;
  const ok = typeof v === 'number' && Number.isFinite(v) && v >= min && (!whole || Number.isInteger(v));
  if (!ok) {
    const kind = whole ? 'a whole number' : 'a number';
    const range = min > -Infinity ? ` ≥ ${min}` : '';
    throw refusal(path, `${kind}${range}${nonFinite ? ' (or null)' : ''}`, v);
  }
  return v;
}

export function oneOf<T extends string>(path: string, v: unknown, accepted: readonly T[]): T {
  if (typeof v !== 'string' || !accepted.includes(v as T))
    throw refusal(path, `one of ${accepted.join(', ')}`, v);
  return v as T;
}

export const numbers = (path: string, v: unknown, nonFinite = true): number[] =>
  array(path, v).map((x, i) => number(`${path}[${i}]`, x, { nonFinite }));

export const matrix = (path: string, v: unknown): number[][] =>
  array(path, v).map((row, i) => numbers(`${path}[${i}]`, row));

export const strings = (path: string, v: unknown): string[] =>
  array(path, v).map((x, i) => string(`${path}[${i}]`, x));
