/** The validator's issues (each naming its field by path) sorted to the form fields they belong to. */
import type { ConfigIssue } from '../../engine/params/spec';

/**
 * Messages by field name for the fields under `prefix` ('' for the top-level settings): an issue at
 * `method.params.weights[1]` belongs to the field `weights` of the prefix `method.params`. The first issue of
 * a field wins.
 */
export function fieldErrors(issues: readonly ConfigIssue[], prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of issues) {
    const inside =
      prefix === '' ? path : path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : null;
    const field = inside?.split(/[.[]/)[0];
    if (field && !(field in out)) out[field] = message;
  }
  return out;
}
