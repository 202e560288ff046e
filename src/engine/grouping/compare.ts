/**
 * The grouping study's answer in one table: for all together, the proposal and all separate, the mean
 * over tasks of the final test loss (and metric) with its 95% interval over seeds, each task's own numbers,
 * and whether the paired difference to all-together is within seed noise. Page-safe (plain numbers): the
 * CLI prints it; the Studies tab shows the same study with its own tables.
 */
import { stableJson } from '../study/grid';
import { estimate, intervalContains, mean } from '../study/stats';
import type { Estimate, RunRecord, StudySummary } from '../study/types';
import type { GroupingStudy } from './study';

export interface GroupingComparison {
  role: GroupingStudy['roles'][number]['role'];
  groups: number[];
  label: string;
  /** Seeds whose run finished (only those count). */
  seeds: number[];
  /** Mean over tasks of the final test loss, over seeds. */
  meanTestLoss: Estimate;
  meanTestMetric: Estimate;
  tasks: { name: string; loss: Estimate; metric: Estimate }[];
  /**
   * Mean over seeds of (this grouping's mean test loss − all together's), paired by seed; null for all
   * together itself or without common seeds.
   */
  lossVsTogether: Estimate | null;
  /** True when the 95% interval of that difference contains 0. */
  withinNoise: boolean | null;
}

const GROUPS_PATH = 'architecture.params.groups';

/** Per seed, the mean over tasks of a finished run's final test loss and metric. */
function perSeed(runs: readonly RunRecord[], groups: readonly number[]) {
  const key = stableJson(groups);
  const out = new Map<number, { loss: number; metric: number }>();
  for (const run of runs) {
    const own = (run.config.architecture.params as { groups?: unknown }).groups;
    if (run.status !== 'finished' || !run.final || stableJson(own) !== key) continue;
    const tasks = run.final.tasks;
    out.set(run.config.seed, {
      loss: mean(tasks.map((t) => t.testLoss)),
      metric: mean(tasks.map((t) => t.testMetric)),
    });
  }
  return out;
}

export function compareGroupings(
  roles: GroupingStudy['roles'],
  summary: StudySummary,
  runs: readonly RunRecord[],
): GroupingComparison[] {
  const together = perSeed(runs, roles[0]?.groups ?? []);
  return roles.map((r) => {
    const seeds = perSeed(runs, r.groups);
    const point = summary.groups.find((g) => stableJson(g.settings[GROUPS_PATH]) === stableJson(r.groups));
    const paired = [...seeds].flatMap(([seed, v]) => {
      const base = together.get(seed);
      return base ? [v.loss - base.loss] : [];
    });
    const isTogether = r.role === 'all together';
    const diff = !isTogether && paired.length ? estimate(paired) : null;
    return {
      ...r,
      seeds: [...seeds.keys()].sort((a, b) => a - b),
      meanTestLoss: estimate([...seeds.values()].map((v) => v.loss)),
      meanTestMetric: estimate([...seeds.values()].map((v) => v.metric)),
      tasks: (point?.tasks ?? []).map((t) => ({ name: t.name, loss: t.loss, metric: t.metric })),
      lossVsTogether: diff,
      withinNoise: diff ? intervalContains(diff) : null,
    };
  });
}
