/**
 * A study's numbers: per grid point, the mean and 95% interval over seeds of every task's test metric and
 * test loss; Δm% against the baseline set of the same seed (paired by seed, then its interval); and whether
 * the point is within seed noise of the first grid point (the 95% interval of the seed-paired difference,
 * of Δm% with baselines or of the mean test loss without, contains 0). Runs that diverged, were stopped or
 * never ran give no numbers: each estimate's `n` says how many seeds counted.
 */
import type { TaskReport } from '../train/report';
import { deltaMOfRun } from './delta-m';
import { planGroups, isBaselineGroup } from './plan-study';
import { estimate, intervalContains, mean } from './stats';
import type {
  BaselineSetSummary,
  Estimate,
  GroupSummary,
  PlannedRun,
  RunRecord,
  StudySummary,
} from './types';

/** A finished run's final test numbers and each task's metric direction (TrainerInfo.tasks[].higherIsBetter). */
export type StudyRunResult = {
  tasks: readonly Pick<TaskReport, 'name' | 'testMetric' | 'testLoss'>[];
  higherIsBetter: readonly boolean[];
} | null;

type TaskEstimates = BaselineSetSummary['tasks'];

interface Member {
  seed: number;
  result: NonNullable<StudyRunResult>;
}

/** Per task (by position), the metric and loss estimates over the members. */
function taskEstimates(members: readonly Member[]): TaskEstimates {
  const first = members[0]?.result;
  if (!first) return [];
  return first.tasks.map((task, k) => ({
    name: task.name,
    metric: estimate(members.map((m) => m.result.tasks[k]?.testMetric ?? Number.NaN).filter(Number.isFinite)),
    loss: estimate(members.map((m) => m.result.tasks[k]?.testLoss ?? Number.NaN).filter(Number.isFinite)),
    ...(first.higherIsBetter[k] !== undefined ? { higherIsBetter: first.higherIsBetter[k] } : {}),
  }));
}

/** Δm% of one run against its baseline run, or null where a baseline metric is 0 or not finite. */
function deltaMOf(run: Member['result'], baseline: Member['result']): number | null {
  if (baseline.tasks.length !== run.tasks.length) return null;
  try {
    return deltaMOfRun(
      run.tasks,
      baseline.tasks.map((t) => t.testMetric),
      run.higherIsBetter,
    );
  } catch {
    return null;
  }
}

/** Seed → value over the seeds where `of` gives a finite number. */
function bySeed(members: readonly Member[], of: (m: Member) => number | null): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of members) {
    const v = of(m);
    if (v !== null && Number.isFinite(v)) out.set(m.seed, v);
  }
  return out;
}

/** The estimate of a − b over the seeds both have. */
function pairedDifference(a: Map<number, number>, b: Map<number, number>): Estimate {
  const diffs: number[] = [];
  for (const [seed, v] of a) {
    const w = b.get(seed);
    if (w !== undefined) diffs.push(v - w);
  }
  return estimate(diffs);
}

export function summarizeStudy(
  plan: readonly PlannedRun[],
  results: readonly StudyRunResult[],
): StudySummary {
  const membersOf = (runs: number[]): Member[] =>
    runs.flatMap((i) => {
      const result = results[i];
      const run = plan[i];
      return result && run ? [{ seed: run.seed, result }] : [];
    });
  const groups = planGroups(plan);
  const baselineMembers = new Map<string, Member[]>();
  const baselineSets: BaselineSetSummary[] = [];
  for (const { group, runs } of groups.filter((g) => isBaselineGroup(g.group))) {
    const members = membersOf(runs);
    baselineMembers.set(group, members);
    baselineSets.push({
      group,
      settings: plan[runs[0] as number]?.settings ?? {},
      seeds: members.map((m) => m.seed),
      tasks: taskEstimates(members),
    });
  }

  const summaries: GroupSummary[] = [];
  let firstDelta: Map<number, number> | null = null;
  let firstLoss: Map<number, number> | null = null;
  for (const { group, runs } of groups.filter((g) => !isBaselineGroup(g.group))) {
    const planned = plan[runs[0] as number] as PlannedRun;
    const members = membersOf(runs);
    const baselineGroup = planned.baselineGroup;
    const baselineBySeed = new Map(
      (baselineMembers.get(baselineGroup ?? '') ?? []).map((m) => [m.seed, m.result]),
    );
    const deltas = bySeed(members, (m) => {
      const b = baselineBySeed.get(m.seed);
      return b ? deltaMOf(m.result, b) : null;
    });
    const losses = bySeed(members, (m) => mean(m.result.tasks.map((t) => t.testLoss)));
    const withBaselines = baselineGroup !== undefined;
    let withinNoise: boolean | null = null;
    if (!firstLoss) {
      firstLoss = losses;
      firstDelta = deltas;
    } else {
      const diff =
        withBaselines && firstDelta
          ? pairedDifference(deltas, firstDelta)
          : pairedDifference(losses, firstLoss);
      withinNoise = intervalContains(diff, 0);
    }
    summaries.push({
      group,
      settings: planned.settings,
      seeds: members.map((m) => m.seed),
      tasks: taskEstimates(members),
      ...(baselineGroup !== undefined ? { baselineGroup } : {}),
      deltaM: withBaselines ? estimate([...deltas.values()]) : null,
      withinNoise,
    });
  }
  return { groups: summaries, baselines: baselineSets[0]?.tasks ?? [], baselineSets };
}

/** What a stored run contributes to its study's numbers: only a run that finished its budget counts. */
export function studyResultOf(record: Pick<RunRecord, 'status' | 'final' | 'info'>): StudyRunResult {
  if (record.status !== 'finished' || !record.final || !record.info) return null;
  return { tasks: record.final.tasks, higherIsBetter: record.info.tasks.map((t) => t.higherIsBetter) };
}
