/**
 * Turns parameter specifications into zod schemas with messages that name the field and what it accepts,
 * and validates raw values (from a config file, `--set`, the URL or a form) against them. zod/mini, the
 * functional form of zod: the page bundles only the checks used here (full zod's methods cost ~25 kB gzip).
 */
import * as z from 'zod/mini';
import {
  acceptedAt,
  BOOLEAN_ACCEPTED,
  enumAccepted,
  numberAccepted,
  pointAccepted,
  specAccepted,
  textAccepted,
} from './accepted';
import { describeValue, pathSegment, quoteKeys } from './describe';
import {
  cloneValue,
  type AnyParamValue,
  type AnyParams,
  type ConfigIssue,
  type ParamSpec,
  type ParamSpecs,
} from './spec';

/** The message for any value a schema refuses: what it accepts, and a short one-line view of what came. */
const expecting =
  (accepted: string) =>
  (iss: { input?: unknown }): string =>
    `expected ${accepted}, got ${describeValue(iss.input)}`;

function numberSchema(spec: { min: number; max: number; integer?: boolean }): z.ZodMiniType<number> {
  const error = expecting(numberAccepted(spec));
  const schema = spec.integer ? z.int({ error }) : z.number({ error });
  return schema.check(z.gte(spec.min, { error }), z.lte(spec.max, { error }));
}

/** A list spec's schema: its length is checked before its items (zod does), so huge lists fail fast. */
function listSchema<T extends z.ZodMiniType>(
  item: T,
  spec: ParamSpec & { minLength: number; maxLength: number },
): z.ZodMiniArray<T> {
  const accepted = specAccepted(spec);
  const expected = ({ input }: { input?: unknown }): string =>
    `expected ${accepted}, got ${Array.isArray(input) ? `${input.length} items` : describeValue(input)}`;
  return z
    .array(item, { error: expected })
    .check(
      z.minLength(spec.minLength, { error: expected }),
      z.maxLength(spec.maxLength, { error: expected }),
    );
}

function enumSchema(options: readonly string[]): z.ZodMiniType<string> {
  const error = expecting(enumAccepted(options));
  return z.string({ error }).check(z.refine((v) => options.includes(v), { error }));
}

/** A text of bounded length, and matching the spec's pattern (whole text) when it has one. */
function textSchema(spec: {
  minLength: number;
  maxLength: number;
  pattern?: string | undefined;
  patternHelp?: string | undefined;
}): z.ZodMiniType<string> {
  const error = expecting(textAccepted(spec));
  const pattern = spec.pattern === undefined ? null : new RegExp(`^(?:${spec.pattern})$`);
  return z.string({ error }).check(
    z.minLength(spec.minLength, { error }),
    z.maxLength(spec.maxLength, { error }),
    z.refine((v) => pattern === null || pattern.test(v), { error }),
  );
}

const booleanSchema = () => z.boolean({ error: expecting(BOOLEAN_ACCEPTED) });

export function specSchema(spec: ParamSpec): z.ZodMiniType<AnyParamValue> {
  switch (spec.kind) {
    case 'number':
      return numberSchema(spec);
    case 'enum':
      return enumSchema(spec.options);
    case 'boolean':
      return booleanSchema();
    case 'number-list':
      return listSchema(numberSchema(spec), spec);
    case 'boolean-list':
      return listSchema(booleanSchema(), spec);
    case 'enum-list':
      return listSchema(enumSchema(spec.options), spec);
    case 'point-list': {
      const coordinate = numberSchema(spec);
      const point = z.tuple([coordinate, coordinate], { error: expecting(pointAccepted(spec)) });
      return listSchema(point, spec);
    }
    case 'text':
      return textSchema(spec);
    case 'text-list':
      return listSchema(textSchema({ minLength: spec.minItemLength, maxLength: spec.maxItemLength }), spec);
  }
}

/** zod paths hold numbers for list indices: render as `field[2]`, otherwise dotted (odd keys quoted). */
export function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    const segment = pathSegment(typeof key === 'number' ? key : String(key));
    out += typeof key === 'number' || !out ? segment : `.${segment}`;
  }
  return out;
}

/** Convert zod issues into ours, naming unknown keys together with the accepted ones. */
export function zodIssues(error: z.core.$ZodError, prefix: string, specs: ParamSpecs): ConfigIssue[] {
  const keys = Object.keys(specs);
  return error.issues.map((issue) => {
    const path = joinPath(prefix, issue.path);
    if (issue.code === 'unrecognized_keys') {
      const accepted = keys.length ? keys.join(', ') : '(none: this entry takes no parameters)';
      const names = quoteKeys(issue.keys);
      return { path, message: `unknown field ${names}; accepted: ${accepted}`, accepted };
    }
    const [key, ...inside] = issue.path;
    const spec = typeof key === 'string' && Object.hasOwn(specs, key) ? specs[key] : undefined;
    const accepted = spec ? acceptedAt(spec, inside.length) : 'an object of parameters';
    return { path, message: issue.message, accepted };
  });
}

/** Parsed schemas per specs object: building them costs more than validating a config with them. */
const schemas = new WeakMap<ParamSpecs, z.ZodMiniType<AnyParams>>();

/** A strict object schema for a set of specs: unknown keys rejected, missing keys filled with defaults. */
export function paramsSchema(specs: ParamSpecs): z.ZodMiniType<AnyParams> {
  const cached = schemas.get(specs);
  if (cached) return cached;
  const shape: Record<string, z.ZodMiniType<AnyParamValue>> = {};
  // A fresh deep copy per parse: callers own (and may mutate) the values they get back.
  for (const [key, spec] of Object.entries(specs))
    shape[key] = z._default(specSchema(spec), () => cloneValue(spec.default));
  const schema = z.strictObject(shape, { error: expecting('an object of parameters') });
  schemas.set(specs, schema);
  return schema;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ConfigIssue[] };

/** Validate raw parameters (undefined means all defaults) against specs; paths are prefixed. */
export function validateParams(specs: ParamSpecs, raw: unknown, prefix: string): Validated<AnyParams> {
  const result = paramsSchema(specs).safeParse(raw ?? {});
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: zodIssues(result.error, prefix, specs) };
}

/** JSON description of specs for `cli list` and documentation. */
export function describeParams(specs: ParamSpecs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) out[key] = { ...spec };
  return out;
}
