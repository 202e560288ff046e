/**
 * The summary of the runs a study finished, made on the page with the engine's own planner and summary
 * (page-safe): what Cancel shows when the worker is stopped mid-run instead of waiting for it. Each run
 * is matched to its place in the plan by its group and seed; runs that did not finish count for nothing,
 * exactly as in the engine's study runner.
 */
import { planStudy } from '../../engine/study/plan-study';
import { studyResultOf, summarizeStudy, type StudyRunResult } from '../../engine/study/summarize-study';
import type { RunRecord, StudySpec, StudySummary } from '../../engine/study/types';

export function summarizeFinished(spec: StudySpec, runs: readonly RunRecord[]): StudySummary {
  const plan = planStudy(spec);
  const index = new Map(plan.map((p, i) => [`${p.group}\u0000${p.seed}`, i]));
  const results: StudyRunResult[] = plan.map(() => null);
  for (const run of runs) {
    const i = run.study ? index.get(`${run.study.group}\u0000${run.study.seed}`) : undefined;
    if (i !== undefined) results[i] = studyResultOf(run);
  }
  return summarizeStudy(plan, results);
}
