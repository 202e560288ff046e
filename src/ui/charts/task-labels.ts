/**
 * Short labels for task names in legends, matrix headers and diagram boxes. Some suites name tasks by
 * their whole recipe ("task 1 (φ = 0.00π, a = 1)"), which wrapped a legend onto three lines and was cut in
 * the matrix and the diagram; the label keeps what tells tasks apart and the full name goes in a tooltip.
 * Pure: no DOM.
 */
import { taskColor } from './palette';

/** Characters a label may take; about what a matrix column or a diagram head box shows. */
export const MAX_LABEL = 14;

const cut = (text: string, max: number) =>
  text.length <= max
    ? text
    : `${Array.from(text)
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;

/**
 * One distinct label per name, in order: a trailing parenthetical goes when the labels stay distinct
 * without it ("circle" and "circle (2)" keep theirs), what is still longer than `max` is cut with an
 * ellipsis, and if cutting makes two alike the labels fall back to "task 1", "task 2", ...
 */
export function shortTaskNames(names: readonly string[], max: number = MAX_LABEL): string[] {
  const distinct = (labels: string[]) => new Set(labels).size === labels.length;
  const bare = names.map((n) => n.replace(/\s*\([^()]*\)\s*$/, '') || n);
  const cutLabels = (distinct(bare) ? bare : [...names]).map((n) => cut(n, max));
  return distinct(cutLabels) ? cutLabels : names.map((_, t) => `task ${t + 1}`);
}

/** One line per task, in the task's colour, labelled short with the full name on hover. */
export function taskSeries(
  names: readonly string[],
): { key: string; name: string; title: string; color: string }[] {
  const short = shortTaskNames(names);
  return names.map((name, t) => ({ key: name, name: short[t] ?? name, title: name, color: taskColor(t) }));
}
