/** The side-by-side table: one row per contender and backend, ours relative to the naive step. */
import { markdownTable } from '../report/table';
import type { ContenderResult } from './interleave';

export interface BackendResults {
  /** Where it ran, e.g. "Node, cpu" or "Chromium, webgpu". */
  where: string;
  /** What workPerStep counts on this backend: "kernels" (tf.profile) or "dispatches" (GPU). */
  unit: string;
  results: ContenderResult[];
}

export function sideBySideTable(all: BackendResults[]): string {
  const rows = all.flatMap(({ where, unit, results }) => {
    const naiveWork = results.find((r) => r.id === 'naive')?.workPerStep ?? NaN;
    return results.map((r) => [
      where,
      r.label,
      r.stepsPerSecond.toFixed(1),
      r.relativeToNaive.toFixed(2),
      `${r.workPerStep.toFixed(r.workPerStep % 1 ? 1 : 0)} ${unit}`,
      (r.workPerStep / naiveWork).toFixed(2),
      `${r.rounds} × ${r.stepsPerBlock}`,
    ]);
  });
  return markdownTable(
    ['where', 'step', 'steps/s', 'vs naive (steps/s)', 'work per step', 'vs naive (work)', 'rounds × steps'],
    rows,
    ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
  );
}
