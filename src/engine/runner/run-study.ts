/**
 * Run a whole study: plan it, train each group (grid point or baseline set; its runs differ only in seed),
 * and summarise. Every run that started is returned as a complete RunRecord tagged with its study, group
 * and seed; a cancel (the signal) stops the run in progress ('stopped'), starts no more, and summarises
 * what finished. Only finished runs count in the numbers (a diverged or stopped run has no final budget).
 */
import { planGroups, planStudy } from '../study/plan-study';
import { settingsKey } from '../study/grid';
import { studyResultOf, summarizeStudy, type StudyRunResult } from '../study/summarize-study';
import type { PlannedRun, RunRecord, StudySpec, StudySummary } from '../study/types';
import { trainGroup } from './train-group';
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
  const runs: RunRecord[] = [];
  let stepsBefore = 0;
  for (const { group, runs: indices } of planGroups(plan)) {
    if (hooks.signal?.aborted) break;
    const planned = indices.map((i) => plan[i] as PlannedRun);
    await trainGroup(
      planned.map((run) => run.config),
      {
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        onSteps: (steps) => hooks.onSteps?.(stepsBefore + steps, totalSteps),
        onRun(record, k) {
          const run = planned[k] as PlannedRun;
          const baselineTask = run.baselineTasks?.join(', ');
          const tagged: RunRecord = {
            ...record,
            name: runName(run),
            study: { id, group, seed: run.seed, ...(baselineTask !== undefined ? { baselineTask } : {}) },
          };
          stepsBefore += run.config.steps;
          results[indices[k] as number] = studyResultOf(tagged);
          runs.push(tagged);
          hooks.onRun?.(tagged);
          hooks.onProgress?.(runs.length, plan.length, tagged);
        },
      },
    );
  }
  return { id, plan, runs, summary: summarizeStudy(plan, results) };
}
