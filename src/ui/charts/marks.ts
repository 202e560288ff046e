/**
 * Marks on the time charts where the learning rate or the method was changed mid-run (issue 12): each
 * change (state/run-changes.ts wrote its text) becomes a dashed vertical line at its step with a short label
 * on the plot and the full text as the label's title (shown on hover) and in the chart's description.
 */
import type { RunChange } from '../../engine/study/types';

export interface Mark {
  step: number;
  /** On the plot: a few characters ("lr 0.003", "PCGrad"). */
  short: string;
  /** Everything that changed at this step, in words (the step is where the line stands). */
  full: string;
}

/** Longest short label: a mark sits among others, so it must stay a word or two. */
const SHORT_MAX = 14;

const clip = (text: string) => (text.length > SHORT_MAX ? `${text.slice(0, SHORT_MAX - 1)}…` : text);

/** The plot's label of one change: the new learning rate, the new method, or the method's new parameters. */
export function shortChange(what: string): string {
  const lr = /^learning rate .* → (.+)$/.exec(what);
  if (lr) return `lr ${lr[1]}`;
  const method = /^method ([^:]+) → (.+)$/.exec(what);
  if (method) return clip(method[2] as string);
  const params = /^method ([^:]+): (.+)$/.exec(what);
  if (params) return clip(`${params[1]} params`);
  return clip(what);
}

/** One mark per step that saw changes (a learning rate and a method applied together share one line). */
export function marksOf(changes: readonly RunChange[]): Mark[] {
  const byStep = new Map<number, RunChange[]>();
  for (const c of changes) byStep.set(c.step, [...(byStep.get(c.step) ?? []), c]);
  return [...byStep.entries()]
    .sort(([a], [b]) => a - b)
    .map(([step, at]) => ({
      step,
      short: at.map((c) => shortChange(c.what)).join(', '),
      full: at.map((c) => c.what).join('; '),
    }));
}

/**
 * The live run's marks, then each overlaid run's, whose text names the run ("EW · seed 1: learning rate
 * 0.01 → 0.003"): a line at a step says which run changed there.
 */
export function allMarks(
  live: readonly RunChange[],
  overlaid: readonly { name: string; changes: readonly RunChange[] }[],
): Mark[] {
  return [
    ...marksOf(live),
    ...overlaid.flatMap((run) => marksOf(run.changes).map((m) => ({ ...m, full: `${run.name}: ${m.full}` }))),
  ];
}

/** For the chart's aria-label: "Changes: at step 400, learning rate 0.01 → 0.003." or nothing. */
export const marksSummary = (marks: readonly Mark[]): string =>
  marks.length
    ? ` Changes: ${marks.map((m) => `at step ${m.step.toLocaleString('en-US')}, ${m.full}`).join('. ')}.`
    : '';
