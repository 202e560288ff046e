import type { ParamSpec } from '../../engine/params/spec';

/**
 * What an empty list field means, so a blank box does not look like a missing value. Words only: the ⓘ
 * glyph this used to name is missing from many fonts and drew as a box (the tip button is drawn in CSS).
 */
export function listPlaceholder(spec: ParamSpec): string | undefined {
  if (spec.kind === 'enum-list') return spec.options.join(', ');
  if (
    spec.kind === 'number-list' ||
    spec.kind === 'point-list' ||
    spec.kind === 'boolean-list' ||
    spec.kind === 'text-list'
  )
    return spec.minLength === 0
      ? 'empty: not set (see the info tip)'
      : spec.kind === 'text-list'
        ? 'names separated by commas'
        : undefined;
  return undefined;
}
