/**
 * What each column does in the preview dialog's setup, as one role per column (the dialog's select), and
 * the moves between that view and the engine's CsvSetup (inputs + labels, and a class label's kept classes).
 * Pure, tested in Node.
 */
import { naturalOrder } from '../../engine/tasks/csv/columns-to-split';
import type { ColumnProfile, CsvSetup, LabelKind } from '../../engine/tasks/csv/types';

export type ColumnRole = 'input' | 'classes' | 'regression' | 'ignored';

export const ROLE_LABELS: Record<ColumnRole, string> = {
  input: 'input',
  classes: 'label: classes',
  regression: 'label: regression',
  ignored: 'ignored',
};

/**
 * The roles a column may take, from its profile: a constant column (one value) carries nothing to learn
 * from or to predict, so it is only ignored; a text column is a classification label at most. A column of
 * numbers with a stray text cell (`firstText`) is still offered as an input or regression target, so that
 * choosing it shows the setup check's line naming the row and the cell to fix.
 */
export function allowedRoles(profile: ColumnProfile): ColumnRole[] {
  if (profile.type === 'constant') return ['ignored'];
  const numeric = profile.type === 'numeric' || profile.firstText !== undefined;
  const roles: ColumnRole[] = [];
  if (numeric) roles.push('input');
  if (profile.canClassify) roles.push('classes');
  if (numeric && (profile.canRegress || profile.type === 'text')) roles.push('regression');
  roles.push('ignored');
  return roles;
}

export function roleOf(setup: CsvSetup, column: string): ColumnRole {
  if (setup.inputs.includes(column)) return 'input';
  const label = setup.labels.find((l) => l.column === column);
  return label ? label.kind : 'ignored';
}

/**
 * The setup with `column` in `role`. Inputs and labels keep the file's column order (the order the
 * network's inputs and the tasks take), whatever order the user clicked in.
 */
export function withRole(
  setup: CsvSetup,
  profiles: readonly ColumnProfile[],
  column: string,
  role: ColumnRole,
): CsvSetup {
  const roles = new Map(profiles.map((p) => [p.name, roleOf(setup, p.name)]));
  roles.set(column, role);
  const inputs = profiles.filter((p) => roles.get(p.name) === 'input').map((p) => p.name);
  const labels = profiles
    .filter((p) => {
      const r = roles.get(p.name);
      return r === 'classes' || r === 'regression';
    })
    .map((p) => {
      const kind = roles.get(p.name) as LabelKind;
      const before = setup.labels.find((l) => l.column === p.name && l.kind === kind);
      return before ?? { column: p.name, kind };
    });
  return { inputs, labels };
}

/** The counts a student reads under the table: "4 inputs, 2 labels (2 tasks)". */
export function setupSummary(setup: CsvSetup): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(setup.inputs.length, 'input')}, ${n(setup.labels.length, 'label')} (${n(setup.labels.length, 'task')})`;
}

/** The values a class label's column holds, in the order its task numbers them (natural order). */
export const classValues = (profile: ColumnProfile): string[] => naturalOrder(profile.values ?? []);

/** The classes of `column` that are kept (ticked): its list, or every value when it has none. */
export function keptClasses(setup: CsvSetup, profile: ColumnProfile): string[] {
  const label = setup.labels.find((l) => l.column === profile.name && l.kind === 'classes');
  return label?.classes ? [...label.classes] : classValues(profile);
}

/**
 * The setup with one class of a label ticked (kept) or unticked. The list stays in natural order; with
 * every class ticked again the label has no list at all (every class, what the config leaves empty).
 */
export function withClassKept(
  setup: CsvSetup,
  profile: ColumnProfile,
  value: string,
  keep: boolean,
): CsvSetup {
  const all = classValues(profile);
  const before = new Set(keptClasses(setup, profile));
  if (keep) before.add(value);
  else before.delete(value);
  const kept = all.filter((v) => before.has(v));
  return {
    ...setup,
    labels: setup.labels.map((l) => {
      if (l.column !== profile.name || l.kind !== 'classes') return l;
      const { classes: _old, ...rest } = l;
      return kept.length === all.length ? rest : { ...rest, classes: kept };
    }),
  };
}
