/**
 * A study checked on the page before anything starts, by the engine's own study parser and planner
 * (page-safe: no tfjs), so the builder and the example menu repeat none of their rules: a bad study names
 * its fields at once, and a good one says how many runs and steps it will train (the time estimate).
 */
import { ConfigError } from '../../engine/config/types';
import { parseStudy } from '../../engine/study/parse-study';
import { planStudy } from '../../engine/study/plan-study';
import type { StudySpec } from '../../engine/study/types';

export type StudyCheck =
  { spec: StudySpec; runs: number; steps: number; groups: number } | { issues: string[] };

export function checkStudy(raw: unknown): StudyCheck {
  try {
    const spec = parseStudy(raw);
    const plan = planStudy(spec);
    const groups = new Set(plan.filter((p) => !p.baselineTasks).map((p) => p.group)).size;
    return { spec, runs: plan.length, steps: plan.reduce((sum, p) => sum + p.config.steps, 0), groups };
  } catch (error) {
    if (error instanceof ConfigError)
      return { issues: error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)) };
    throw error;
  }
}
