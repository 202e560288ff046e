/**
 * Turns parameter specifications into zod schemas with messages that name the field and what it accepts,
 * and validates raw values (from a config file, `--set`, the URL or a form) against them.
 */
import { z } from 'zod';
import { cloneValue, type AnyParams, type ConfigIssue, type ParamSpec, type ParamSpecs } from './spec';

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6))));
const shown = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

function numberSchema(spec: { min: number; max: number; integer?: boolean }): z.ZodNumber {
  const what = `${spec.integer ? 'a whole number' : 'a number'} from ${fmt(spec.min)} to ${fmt(spec.max)}`;
  const got = (input: unknown): string => `expected ${what}, got ${shown(input)}`;
  let schema = z.number({ error: (iss) => got(iss.input) });
  if (spec.integer) schema = schema.int({ error: (iss) => got(iss.input) });
  return schema
    .min(spec.min, { error: (iss) => got(iss.input) })
    .max(spec.max, { error: (iss) => got(iss.input) });
}

function listSchema<T extends z.ZodType>(
  item: T,
  spec: { minLength: number; maxLength: number },
  what: string,
): z.ZodArray<T> {
  const expected = (input: unknown): string => {
    const len =
      spec.minLength === spec.maxLength ? `${spec.minLength}` : `${spec.minLength} to ${spec.maxLength}`;
    const count = Array.isArray(input) ? `${input.length} items` : shown(input);
    return `expected a list of ${len} ${what}, got ${count}`;
  };
  return z
    .array(item, { error: (iss) => expected(iss.input) })
    .min(spec.minLength, { error: (iss) => expected(iss.input) })
    .max(spec.maxLength, { error: (iss) => expected(iss.input) });
}

function enumSchema(options: readonly string[]): z.ZodType<string> {
  return z
    .string({ error: (iss) => `expected one of ${options.join(', ')}, got ${shown(iss.input)}` })
    .refine((v) => options.includes(v), {
      error: (iss) => `expected one of ${options.join(', ')}, got ${shown(iss.input)}`,
    });
}

export function specSchema(spec: ParamSpec): z.ZodType {
  switch (spec.kind) {
    case 'number':
      return numberSchema(spec);
    case 'enum':
      return enumSchema(spec.options);
    case 'boolean':
      return z.boolean({ error: (iss) => `expected true or false, got ${shown(iss.input)}` });
    case 'number-list':
      return listSchema(numberSchema(spec), spec, spec.integer ? 'whole numbers' : 'numbers');
    case 'boolean-list':
      return listSchema(z.boolean({ error: 'expected true or false' }), spec, 'true/false values');
    case 'enum-list':
      return listSchema(enumSchema(spec.options), spec, `values from ${spec.options.join(', ')}`);
    case 'point-list': {
      const coordinate = numberSchema(spec);
      const point = z.tuple([coordinate, coordinate], { error: 'expected a point [x, y]' });
      return listSchema(point, spec, 'points [x, y]');
    }
  }
}

/** zod paths hold numbers for list indices: render as `field[2]`, otherwise dotted. */
export function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Convert zod issues into ours, naming unknown keys together with the accepted ones. */
export function zodIssues(error: z.ZodError, prefix: string, accepted: readonly string[]): ConfigIssue[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const names = issue.keys.map((k) => `'${k}'`).join(', ');
      const choices = accepted.length ? accepted.join(', ') : '(none: this entry takes no parameters)';
      return { path: joinPath(prefix, issue.path), message: `unknown field ${names}; accepted: ${choices}` };
    }
    return { path: joinPath(prefix, issue.path), message: issue.message };
  });
}

/** A strict object schema for a set of specs: unknown keys rejected, missing keys filled with defaults. */
export function paramsSchema(specs: ParamSpecs): z.ZodType<AnyParams> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, spec] of Object.entries(specs))
    shape[key] = specSchema(spec).default(cloneValue(spec.default));
  return z.strictObject(shape, {
    error: (iss) => `expected an object of parameters, got ${shown(iss.input)}`,
  }) as never;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ConfigIssue[] };

/** Validate raw parameters (undefined means all defaults) against specs; paths are prefixed. */
export function validateParams(specs: ParamSpecs, raw: unknown, prefix: string): Validated<AnyParams> {
  const result = paramsSchema(specs).safeParse(raw ?? {});
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: zodIssues(result.error, prefix, Object.keys(specs)) };
}

/** JSON description of specs for `cli list` and documentation. */
export function describeParams(specs: ParamSpecs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) out[key] = { ...spec };
  return out;
}
