/**
 * Run a whole study: plan it, train each group (grid point or baseline set; its runs differ only in seed),
 * and summarise. Every run that started is returned as a complete RunRecord tagged with its study, group
 * and seed, in plan order; a cancel (the signal) stops the runs in progress ('stopped'), starts no more,
 * and summarises what finished. Only finished runs count in the numbers (a diverged or stopped run has no
 * final budget).
 *
 * With several lanes (threads or workers that each train a job: study-lanes.ts) the groups are dealt as
 * jobs (study-jobs.ts) and the lanes train side by side; a run's numbers do not depend on its lane or on
 * the seeds batched with it (seed-batch.test.ts), so the summary is the same as with one lane.
 */
import { planGroups, planStudy } from '../study/plan-study';
import { settingsKey } from '../study/grid';
import { studyResultOf, summarizeStudy, type StudyRunResult } from '../study/summarize-study';
import type { PlannedRun, RunRecord, StudySpec, StudySummary } from '../study/types';
import { planJobs, type StudyJob } from './study-jobs';
import { trainGroup, type GroupTrainer } from './train-group';
import { defaultRunName, newId } from './train-one';

export interface StudyHooks {
  signal?: AbortSignal;
  /** After each run: runs done so far, runs planned, and the run that just ended. */
  onProgress?(done: number, total: number, record: RunRecord): void;
  /** After each run, the record (for storing it as soon as it exists). */
  onRun?(record: RunRecord): void;
  /** After every report of any run: steps done in the whole study and steps planned. */
  onSteps?(done: number, total: number): void;
  /** The study's id in the records (a fresh one by default). */
  studyId?: string;
  /** Where jobs train, side by side: one GroupTrainer per lane (default: this thread, `trainGroup`). */
  lanes?: readonly GroupTrainer[];
}

export interface StudyResult {
  id: string;
  plan: PlannedRun[];
  runs: RunRecord[];
  summary: StudySummary;
}

/** "PCGrad · Layer sharing (hard) · seed 3", with the grid point's other settings, or the baseline's name. */
function runName(run: PlannedRun): string {
  if (run.baselineTasks) {
    const kept = Object.keys(run.settings).length ? ` · ${settingsKey(run.settings)}` : '';
    return `single-task baseline${kept} · seed ${run.seed}`;
  }
  const others = Object.fromEntries(
    Object.entries(run.settings).filter(([path]) => !/^(method|architecture)(\.id)?$/.test(path)),
  );
  const extra = Object.keys(others).length ? ` · ${settingsKey(others)}` : '';
  return `${defaultRunName(run.config).replace(/ · seed \d+$/, '')}${extra} · seed ${run.seed}`;
}

export async function runStudy(spec: StudySpec, hooks: StudyHooks = {}): Promise<StudyResult> {
  const id = hooks.studyId ?? newId('study');
  const plan = planStudy(spec);
  const totalSteps = plan.reduce((n, run) => n + run.config.steps, 0);
  const results: StudyRunResult[] = plan.map(() => null);
  const records: (RunRecord | null)[] = plan.map(() => null);
  const lanes = hooks.lanes?.length ? hooks.lanes : [trainGroup];
  const queue = planJobs(planGroups(plan), lanes.length);
  // A lane that fails stops the others taking new jobs; the study then rejects with its error.
  const failed = new AbortController();
  const stopped = () => !!hooks.signal?.aborted || failed.signal.aborted;
  const signal = hooks.signal ? AbortSignal.any([hooks.signal, failed.signal]) : failed.signal;
  // Steps per lane: those of the runs it finished, and those of the job in progress beyond them.
  const progress = lanes.map(() => ({ done: 0, current: 0 }));
  const stepsDone = () => progress.reduce((n, p) => n + p.done + p.current, 0);
  let finished = 0;

  async function trainJob(lane: number, { group, runs: indices }: StudyJob): Promise<void> {
    const planned = indices.map((i) => plan[i] as PlannedRun);
    const at = progress[lane] as { done: number; current: number };
    await (lanes[lane] as GroupTrainer)(
      planned.map((run) => run.config),
      {
        signal,
        onSteps: (steps) => {
          at.current = steps;
          hooks.onSteps?.(stepsDone(), totalSteps);
        },
        onRun(record, k) {
          const run = planned[k] as PlannedRun;
          const baselineTask = run.baselineTasks?.join(', ');
          const tagged: RunRecord = {
            ...record,
            name: runName(run),
            study: { id, group, seed: run.seed, ...(baselineTask !== undefined ? { baselineTask } : {}) },
          };
          at.done += run.config.steps;
          at.current = Math.max(0, at.current - run.config.steps);
          const index = indices[k] as number;
          results[index] = studyResultOf(tagged);
          records[index] = tagged;
          finished += 1;
          hooks.onRun?.(tagged);
          hooks.onProgress?.(finished, plan.length, tagged);
        },
      },
    );
    at.current = 0;
  }

  async function runLane(lane: number): Promise<void> {
    // A lane still starting takes jobs once it can train; one that cannot start takes none.
    const ready = await Promise.resolve((lanes[lane] as GroupTrainer).ready).then(
      () => true,
      () => false,
    );
    if (!ready) return;
    for (let job = queue.shift(); job && !stopped(); job = queue.shift()) {
      try {
        await trainJob(lane, job);
      } catch (error) {
        failed.abort();
        throw error;
      }
    }
  }

  const outcomes = await Promise.allSettled(lanes.map((_, lane) => runLane(lane)));
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
  if (queue.length && !stopped()) throw new Error('No study lane could start, so no run was trained.');
  return {
    id,
    plan,
    runs: records.filter((r): r is RunRecord => r !== null),
    summary: summarizeStudy(plan, results),
  };
}
