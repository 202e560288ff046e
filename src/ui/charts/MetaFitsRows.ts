/**
 * The numbers of the two meta-learning pictures, prepared without React (tested in Node): a held-out sine's
 * curve with the fits after k adaptation steps, and the loss after k steps of the live run beside any
 * overlaid sine-family runs (a MAML run next to a joint one).
 */
import type { MetaFitCurve, MetaReport } from '../../engine/meta/report-types';
import type { OverlayRun } from './define';

/** One grid point: the true value and each drawn fit (key `k<steps>`). */
export type FitRow = { x: number; truth: number } & Record<string, number>;

export const fitKey = (steps: number): string => `k${steps}`;

export function fitRows(curve: MetaFitCurve): FitRow[] {
  return curve.x.map((x, i) => {
    const row = { x, truth: curve.truth[i] as number } as FitRow;
    for (const fit of curve.fits) row[fitKey(fit.steps)] = fit.y[i] as number;
    return row;
  });
}

export const shotRows = (curve: MetaFitCurve): { x: number; y: number }[] =>
  curve.shotsX.map((x, i) => ({ x, y: curve.shotsY[i] as number }));

/** Words for a fit's legend: "before adapting", "after 1 step", "after 10 steps". */
export const fitLabel = (steps: number): string =>
  steps === 0 ? 'before adapting (k = 0)' : `after ${steps} step${steps === 1 ? '' : 's'}`;

/** A learner's name for legends: the joint baseline is 'none'. */
export const learnerName = (learner: string): string =>
  learner === 'none'
    ? 'joint (no meta-learning)'
    : learner.toUpperCase().replace('FOMAML', 'first-order MAML');

/** One line of the loss-after-k chart. */
export interface AdaptationLine {
  key: string;
  name: string;
  /** Undefined for the live run; an overlaid run's dash pattern otherwise. */
  dash?: string;
}

/** Rows { k, live, <overlay id>... } and the lines, for every run that carries a meta report. */
export function adaptationRows(
  live: MetaReport | undefined,
  overlay: readonly OverlayRun[],
): { rows: Record<string, number>[]; lines: AdaptationLine[] } {
  const runs: { key: string; name: string; dash?: string; meta: MetaReport }[] = [];
  if (live) runs.push({ key: 'live', name: `this run: ${learnerName(live.learner)}`, meta: live });
  for (const run of overlay) {
    const meta = run.history.latest?.meta;
    if (meta)
      runs.push({
        key: `run-${run.id}`,
        name: `${run.name}: ${learnerName(meta.learner)}`,
        dash: run.dash,
        meta,
      });
  }
  const K = Math.max(0, ...runs.map((r) => r.meta.lossAfterSteps.length));
  const rows = Array.from({ length: K }, (_, k) => {
    const row: Record<string, number> = { k };
    for (const r of runs) {
      const v = r.meta.lossAfterSteps[k];
      if (v !== undefined) row[r.key] = v;
    }
    return row;
  });
  return { rows, lines: runs.map(({ key, name, dash }) => ({ key, name, ...(dash ? { dash } : {}) })) };
}

/** The footer's sentence: loss before adapting, after one step and after the last, for the live run. */
export function adaptationSummary(meta: MetaReport): string {
  const at = (k: number) => (meta.lossAfterSteps[k] ?? NaN).toFixed(2);
  const last = meta.lossAfterSteps.length - 1;
  return `Held-out MSE over ${meta.heldOut} sines (K = ${meta.shots} shots, α = ${meta.adaptLr}): ${at(0)} before adapting, ${at(1)} after 1 step, ${at(last)} after ${last}.`;
}
