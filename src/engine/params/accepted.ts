/**
 * What a parameter spec accepts, in words ("a whole number from 1 to 8192"): the one phrasing used both in
 * the validator's messages and in the `accepted` field of each issue, so the two never disagree.
 */
import type { ParamSpec } from './spec';

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6))));

export const numberAccepted = (spec: { min: number; max: number; integer?: boolean }): string =>
  `${spec.integer ? 'a whole number' : 'a number'} from ${fmt(spec.min)} to ${fmt(spec.max)}`;

export const enumAccepted = (options: readonly string[]): string => `one of ${options.join(', ')}`;

export const BOOLEAN_ACCEPTED = 'true or false';

export const pointAccepted = (spec: { min: number; max: number }): string =>
  `a point [x, y] with x and y from ${fmt(spec.min)} to ${fmt(spec.max)}`;

/** A text spec's item or value: "a text of 1 to 200 characters" (with what its pattern asks for). */
export const textAccepted = (spec: {
  minLength: number;
  maxLength: number;
  patternHelp?: string | undefined;
}): string =>
  `a text of ${lengthAccepted(spec)} characters${spec.patternHelp ? ` (${spec.patternHelp})` : ''}`;

function lengthAccepted(spec: { minLength: number; maxLength: number }): string {
  return spec.minLength === spec.maxLength ? `${spec.minLength}` : `${spec.minLength} to ${spec.maxLength}`;
}

/** One item of a list spec; null for scalar specs. */
function itemAccepted(spec: ParamSpec): string | null {
  switch (spec.kind) {
    case 'number-list':
      return numberAccepted(spec);
    case 'boolean-list':
      return BOOLEAN_ACCEPTED;
    case 'enum-list':
      return enumAccepted(spec.options);
    case 'point-list':
      return pointAccepted(spec);
    case 'text-list':
      return textAccepted({ minLength: spec.minItemLength, maxLength: spec.maxItemLength });
    default:
      return null;
  }
}

/** The items of a list spec in the plural, as in "a list of 0 to 8 numbers" (item messages give ranges). */
function itemsAccepted(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number-list':
      return spec.integer ? 'whole numbers' : 'numbers';
    case 'boolean-list':
      return 'true/false values';
    case 'enum-list':
      return `values from ${spec.options.join(', ')}`;
    case 'point-list':
      return 'points [x, y]';
    case 'text-list':
      return `texts of ${lengthAccepted({ minLength: spec.minItemLength, maxLength: spec.maxItemLength })} characters`;
    default:
      return '';
  }
}

export function specAccepted(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
      return numberAccepted(spec);
    case 'enum':
      return enumAccepted(spec.options);
    case 'boolean':
      return BOOLEAN_ACCEPTED;
    case 'text':
      return textAccepted(spec);
    default:
      return `a list of ${lengthAccepted(spec)} ${itemsAccepted(spec)}`;
  }
}

/**
 * What is accepted at a position inside a spec's value: depth 0 is the value itself, 1 an item of a list,
 * 2 a coordinate of a point.
 */
export function acceptedAt(spec: ParamSpec, depth: number): string {
  if (depth === 0) return specAccepted(spec);
  if (depth === 2 && spec.kind === 'point-list') return numberAccepted(spec);
  return itemAccepted(spec) ?? specAccepted(spec);
}
