/**
 * The one place where validated, type-erased parameters (`AnyParams`, as a config stores them) become the
 * typed values of one registry entry (`ParamValues<typeof spec>`): every entry's functions receive their
 * parameters through here, so a method reading `params.beta1` is type-checked and nothing downstream casts.
 * It checks each value's kind against its spec (cheap: once per build or check, never per step) and throws
 * a TypeError naming the field when a caller bypassed validation.
 */
import type { AnyParams, ParamSpec, ParamSpecs, ParamValues } from './spec';

function fits(spec: ParamSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'number':
      return typeof value === 'number';
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'number-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'number');
    case 'boolean-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'boolean');
    case 'enum-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && spec.options.includes(v));
    case 'point-list':
      return (
        Array.isArray(value) &&
        value.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => typeof v === 'number'))
      );
    case 'text':
      return typeof value === 'string';
    case 'text-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

function isParamValues<S extends ParamSpecs>(
  specs: S,
  values: AnyParams,
): values is AnyParams & ParamValues<S> {
  return Object.entries(specs).every(
    ([key, spec]) => Object.prototype.hasOwnProperty.call(values, key) && fits(spec, values[key]),
  );
}

/** `values` typed by `specs`; throws when a value is missing or of the wrong kind (validation was skipped). */
export function narrowParams<S extends ParamSpecs>(specs: S, values: AnyParams): ParamValues<S> {
  if (isParamValues(specs, values)) return values;
  const bad = Object.keys(specs).find(
    (key) =>
      !Object.prototype.hasOwnProperty.call(values, key) || !fits(specs[key] as ParamSpec, values[key]),
  );
  throw new TypeError(`parameter ${bad ?? '?'} is missing or of the wrong kind: validate the config first`);
}
