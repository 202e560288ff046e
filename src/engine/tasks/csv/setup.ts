/**
 * Choosing a file's columns: a default choice from the profiles (`suggestSetup`), how a label is learned
 * when the user does not say (`detectKind`), and every check of a choice against the data (`checkSetup`),
 * each problem one line with the field path it belongs to (inputs[i], labels[i], kinds[i]) so that a form
 * can show it beside the field and a config error can name it.
 */
import type { ConfigIssue } from '../../params/spec';
import { checkClassLists } from './class-lists';
import { count, quoted, quotedList } from './errors';
import { cellNumber, firstNonNumber, isMissing } from './profile';
import { CSV_LIMITS, type ColumnProfile, type CsvData, type CsvSetup, type LabelKind } from './types';

/** Most label columns (tasks) a setup may have: the per-task lists of every suite stop at 8. */
export const MAX_LABELS = 8;
/** A numeric column of whole numbers with at most this many distinct values is read as classes. */
export const MAX_INTEGER_CLASSES = 10;

export type MissingPolicy = 'drop-rows' | 'reject';

const isWhole = (v: string): boolean => Number.isInteger(cellNumber(v));

/** Text, or a few whole numbers (cylinders, a 0/1 flag, a rating 1–5): classes. Otherwise regression. */
export function detectKind(profile: ColumnProfile): LabelKind {
  if (profile.type === 'text') return 'classes';
  const values = profile.values;
  return values && values.length <= MAX_INTEGER_CLASSES && values.every(isWhole) ? 'classes' : 'regression';
}

/**
 * A sensible first choice: labels are the columns that read as classes (text with at most maxClasses
 * values, few whole numbers) and the last column (the usual place of a target); inputs are the other
 * numeric, non-constant columns. If that leaves no input, few-valued numeric columns become inputs again.
 */
export function suggestSetup(profiles: readonly ColumnProfile[]): CsvSetup {
  const last = profiles[profiles.length - 1];
  const usable = (p: ColumnProfile) => p.type !== 'constant' && (p.canClassify || p.canRegress);
  const classLike = (p: ColumnProfile) => p.canClassify && detectKind(p) === 'classes';
  let labels = profiles.filter((p) => usable(p) && (classLike(p) || p === last));
  let inputs = profiles.filter((p) => p.canRegress && !labels.includes(p));
  if (inputs.length === 0) {
    labels = profiles.filter((p) => usable(p) && (p.type === 'text' || p === last));
    inputs = profiles.filter((p) => p.canRegress && !labels.includes(p));
  }
  return {
    inputs: inputs.map((p) => p.name),
    labels: labels.slice(-MAX_LABELS).map((p) => ({ column: p.name, kind: detectKind(p) })),
  };
}

/** A label's kept classes (CsvSetup.labels[i].classes): rows whose value is not among them are left out. */
export type ClassFilter = { column: string; classes?: readonly string[] };

/**
 * Which data rows a setup keeps: rows with a missing cell in a chosen column are left out (drop-rows),
 * and rows whose value in a filtered label is not a kept class (either policy: under 'reject' checkSetup
 * refuses such a row first). `droppedForClass` counts the rows left out only for their class.
 */
export function keptRows(
  data: CsvData,
  columns: readonly string[],
  missing: MissingPolicy,
  filters: readonly ClassFilter[] = [],
): { rows: number[]; dropped: number; firstDroppedRow?: number; droppedForClass?: number } {
  const chosen = columns.map((c) => data.columns.indexOf(c)).filter((i) => i >= 0);
  const kept = filters
    .filter((f) => f.classes && data.columns.includes(f.column))
    .map((f) => ({
      cells: data.cells[data.columns.indexOf(f.column)] as string[],
      keep: new Set(f.classes),
    }));
  const rows: number[] = [];
  let firstDroppedRow: number | undefined;
  let droppedForClass = 0;
  for (let r = 0; r < data.rowCount; r++) {
    const lacking = missing === 'drop-rows' && chosen.some((c) => isMissing(data.cells[c]?.[r] ?? ''));
    const unkept =
      !lacking &&
      kept.some(({ cells, keep }) => !isMissing(cells[r] ?? '') && !keep.has((cells[r] as string).trim()));
    if (!lacking && !unkept) rows.push(r);
    else firstDroppedRow ??= r + 2;
    if (unkept) droppedForClass++;
  }
  const dropped = data.rowCount - rows.length;
  return {
    rows,
    dropped,
    ...(firstDroppedRow !== undefined && { firstDroppedRow }),
    ...(droppedForClass > 0 && { droppedForClass }),
  };
}

/**
 * What the suite tells a user about left-out rows: rows kept, rows left out (for a missing cell or, counted
 * also in `droppedForClass`, for a class not kept), the first one left out.
 */
export function missingRowsReport(
  data: CsvData,
  setup: CsvSetup,
  missing: MissingPolicy,
): { kept: number; dropped: number; firstDroppedRow?: number; droppedForClass?: number } {
  const columns = [...setup.inputs, ...setup.labels.map((l) => l.column)];
  const { rows, ...rest } = keptRows(data, columns, missing, classFilters(setup));
  return { kept: rows.length, ...rest };
}

/** The kept-class lists of a setup's classification labels (a list on a regression label is an issue). */
export const classFilters = (setup: CsvSetup): ClassFilter[] =>
  setup.labels.filter((l) => l.kind === 'classes' && l.classes);

/** Every problem of a setup on this data; empty when it can be trained. */
export function checkSetup(
  data: CsvData,
  profiles: readonly ColumnProfile[],
  setup: CsvSetup,
  missing: MissingPolicy,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  // Every message ends in "; accepted…: what is accepted", which is also the issue's `accepted` field.
  const add = (path: string, message: string, accepted = /; accepted[^:]*: (.*)$/.exec(message)?.[1]) =>
    issues.push({ path, message, ...(accepted !== undefined && { accepted }) });
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const columnsAccepted = quotedList(data.columns);
  const labelNames = setup.labels.map((l) => l.column);

  if (setup.inputs.length === 0)
    add('inputs', 'no input columns; accepted: 1 or more numeric columns', 'numeric columns');
  if (setup.labels.length === 0 || setup.labels.length > MAX_LABELS)
    add(
      'labels',
      `${setup.labels.length} label columns; accepted: 1 to ${MAX_LABELS} (one task each)`,
      `1 to ${MAX_LABELS} columns`,
    );

  const known = (name: string, path: string): ColumnProfile | undefined => {
    const profile = byName.get(name);
    if (!profile)
      add(path, `no column ${quoted(name)} in ${data.name}; accepted: ${columnsAccepted}`, columnsAccepted);
    return profile;
  };
  const twice = (names: readonly string[], i: number) => names.indexOf(names[i] as string) !== i;
  const constant = (p: ColumnProfile, path: string) =>
    add(
      path,
      `${quoted(p.name)} has ${p.distinct === 0 ? 'no value in any row' : `the same value (${quoted(p.values?.[0] ?? '')}) in every row`}: it carries no information; accepted: a column with 2 or more different values`,
    );
  const notNumber = (p: ColumnProfile, path: string, role: string) => {
    const stray = p.firstText ?? firstNonNumber(data, p.index);
    const where = stray ? `row ${count(stray.row)} holds ${quoted(stray.value)}, not a number` : 'holds text';
    const hint = p.firstText ? 'or an empty cell for a missing value' : 'use it as a classification label';
    add(path, `${quoted(p.name)} ${where}; accepted ${role}: numbers only (${hint})`, 'a numeric column');
  };

  setup.inputs.forEach((name, i) => {
    const path = `inputs[${i}]`;
    const p = known(name, path);
    if (!p) return;
    if (twice(setup.inputs, i))
      return add(path, `${quoted(name)} is listed twice; accepted: each input once`);
    if (labelNames.includes(name))
      return add(
        path,
        `${quoted(name)} is also a label; accepted: each column as an input or a label, not both`,
      );
    if (p.type === 'constant') return constant(p, path);
    if (p.type === 'text') return notNumber(p, path, 'in an input column');
  });

  setup.labels.forEach((label, i) => {
    const path = `labels[${i}]`;
    const p = known(label.column, path);
    if (!p) return;
    if (twice(labelNames, i))
      return add(path, `${quoted(label.column)} is listed twice; accepted: each label once`);
    if (p.type === 'constant') return constant(p, path);
    if (label.kind === 'regression') {
      if (p.type === 'text') notNumber(p, `kinds[${i}]`, 'for regression');
      return;
    }
    if (!p.canClassify)
      return add(
        path,
        `${quoted(p.name)} has more than ${count(CSV_LIMITS.maxClasses)} different values; accepted as classes: 2 to ${count(CSV_LIMITS.maxClasses)} (learn a numeric column by regression instead)`,
      );
  });
  checkClassLists(data, byName, setup, missing, add);

  const chosen = [...setup.inputs, ...labelNames].filter(
    (n, i, all) => byName.has(n) && all.indexOf(n) === i,
  );
  if (missing === 'reject') {
    for (const name of chosen) {
      const p = byName.get(name) as ColumnProfile;
      if (p.missing === 0) continue;
      const more = p.missing > 1 ? ` (and ${count(p.missing - 1)} more row${p.missing > 2 ? 's' : ''})` : '';
      const role = setup.inputs.includes(name)
        ? `inputs[${setup.inputs.indexOf(name)}]`
        : `labels[${labelNames.indexOf(name)}]`;
      add(
        role,
        `${quoted(name)} is missing in row ${count(p.firstMissingRow ?? 0)}${more}; accepted with missing 'reject': a value in every row of a chosen column (or missing 'drop-rows' to leave such rows out)`,
      );
    }
  } else if (issues.length === 0 && keptRows(data, chosen, missing, classFilters(setup)).rows.length < 2) {
    add(
      'missing',
      `fewer than 2 rows have a value in every chosen column (and a kept class); accepted: at least 2 complete rows (choose other columns or keep more classes)`,
    );
  }
  return issues;
}
