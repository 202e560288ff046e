/**
 * Kept classes of a classification label: the `classes` param holds one entry per label, the classes to
 * keep separated by "|" ("Adelie|Gentoo"); an empty or missing entry keeps every class. Rows whose value is
 * not kept are left out like a row with a missing cell (keptRows), or refused under missing 'reject'.
 * This file reads the entries and checks a kept list against the label's values, one line per problem with
 * the field path `classes[i]`, so that a config error and the app's preview name the entry to fix.
 */
import type { ConfigIssue } from '../../params/spec';
import { count, quoted, quotedList } from './errors';
import { cellNumber, isMissing } from './profile';
import type { ColumnProfile, CsvData, CsvSetup } from './types';

/** Between two kept classes in an entry. A class whose name holds "|" cannot be listed (it is rare). */
export const CLASS_SEPARATOR = '|';

/** The kept classes an entry lists (trimmed, empty pieces ignored); undefined when it keeps every class. */
export function parseClassEntry(entry: string | undefined): string[] | undefined {
  if (entry === undefined || entry.trim() === '') return undefined;
  return entry
    .split(CLASS_SEPARATOR)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** The entry a config stores for a kept list: '' (every class) when there is no list. */
export const classEntry = (classes: readonly string[] | undefined): string =>
  classes ? classes.join(CLASS_SEPARATOR) : '';

/** The first row (0-based) whose present value in `cells` is not kept, or -1. */
export function firstUnkeptRow(cells: readonly string[], kept: readonly string[]): number {
  const keep = new Set(kept);
  return cells.findIndex((c) => !isMissing(c) && !keep.has(c.trim()));
}

/** Class names in natural order: numbers numerically, then text alphabetically (case-insensitive first). */
export function naturalOrder(values: readonly string[]): string[] {
  const rank = (a: string, b: string): number => {
    const [x, y] = [cellNumber(a), cellNumber(b)];
    const [xn, yn] = [!Number.isNaN(x), !Number.isNaN(y)];
    if (xn && yn) return x - y || (a < b ? -1 : a > b ? 1 : 0);
    if (xn !== yn) return xn ? -1 : 1;
    const [al, bl] = [a.toLowerCase(), b.toLowerCase()];
    if (al !== bl) return al < bl ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  return [...values].sort(rank);
}

/** What a `classes[i]` line says is accepted: the column's values in class order, a few then how many more. */
const valuesOf = (p: ColumnProfile): string => quotedList(naturalOrder(p.values ?? []));

/**
 * Every problem of the setup's kept-class lists: a list on a regression label, a class listed twice, a
 * class the column does not hold, fewer than 2 classes, and under missing 'reject' a row whose class is
 * not kept. Columns that are unknown, constant or have too many values are left to checkSetup's own lines.
 */
export function checkClassLists(
  data: CsvData,
  byName: ReadonlyMap<string, ColumnProfile>,
  setup: CsvSetup,
  missing: 'drop-rows' | 'reject',
  add: (path: string, message: string) => void,
): void {
  setup.labels.forEach((label, i) => {
    const kept = label.classes;
    const p = byName.get(label.column);
    if (!kept || !p) return;
    const path = `classes[${i}]`;
    if (label.kind === 'regression')
      return add(
        path,
        `${quoted(p.name)} is learned by regression: it has no classes to keep; accepted: an empty entry for a regression label`,
      );
    if (p.type === 'constant' || !p.canClassify) return;
    const twice = kept.find((c, k) => kept.indexOf(c) !== k);
    if (twice !== undefined)
      return add(path, `${quoted(twice)} is listed twice for ${quoted(p.name)}; accepted: each class once`);
    const values = p.values ?? [];
    const absent = kept.find((c) => !values.includes(c));
    if (absent !== undefined)
      return add(
        path,
        `${quoted(p.name)} has no value ${quoted(absent)}; accepted: classes separated by "|" among ${valuesOf(p)}`,
      );
    if (kept.length < 2)
      return add(
        path,
        `${quoted(p.name)} keeps ${kept.length === 0 ? 'no class' : `1 class (${quoted(kept[0] as string)})`}: there is nothing to tell apart; accepted: 2 or more of ${valuesOf(p)}`,
      );
    if (missing !== 'reject') return;
    const r = firstUnkeptRow(data.cells[p.index] as string[], kept);
    if (r >= 0)
      add(
        path,
        `${quoted(p.name)} row ${count(r + 2)} holds ${quoted((data.cells[p.index]?.[r] ?? '').trim())}, a class not kept; accepted with missing 'reject': ${quotedList(kept)} in every row (or missing 'drop-rows' to leave the other classes' rows out)`,
      );
  });
}

/** For the suite's own check: more entries than labels. */
export function classEntriesIssue(entries: readonly string[], labels: number): ConfigIssue | undefined {
  if (entries.length <= labels) return undefined;
  const accepted = `at most ${labels} entries, one per label column (an empty entry: every class)`;
  return {
    path: 'classes',
    message: `expected at most ${labels} class lists (one per label column), got ${entries.length}; accepted: ${accepted}`,
    accepted,
  };
}
