/**
 * The study half of importing a study export (`{ format: 'mtl-playground-study', version: 1, study, runs }`,
 * written by state/study/study-file.ts). The study's spec is checked with the engine's own parseStudy, its
 * plain fields one by one, and its summary is not trusted at all: it is computed again from the imported
 * runs (planStudy + summarizeStudy, matched by each run's group and seed), so a file cannot make the table
 * say what its runs do not.
 */
import { ConfigError } from '../../engine/config/types';
import { parseStudy } from '../../engine/study/parse-study';
import { planStudy } from '../../engine/study/plan-study';
import { studyResultOf, summarizeStudy } from '../../engine/study/summarize-study';
import type { RunRecord, StudySummary } from '../../engine/study/types';
import { number, object, oneOf, RunFileError, string } from './check';
import type { StudyRecord } from './run-db';

function spec(path: string, v: unknown): StudyRecord['spec'] {
  try {
    return parseStudy(object(path, v));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // parseStudy's issues name the field in a study file: say where that sits in this one.
    const [issue] = error.issues;
    throw new RunFileError(
      `${path}${issue?.path ? `.${issue.path}` : ''}: ${issue?.message ?? error.message}`,
    );
  }
}

/** The summary the runs give (null when none of them finished). */
function summaryOf(studySpec: StudyRecord['spec'], runs: readonly RunRecord[]): StudySummary | null {
  const plan = planStudy(studySpec);
  const byPoint = new Map(runs.map((r) => [`${r.study?.group}\u0000${r.study?.seed}`, r]));
  const results = plan.map((p) => {
    const run = byPoint.get(`${p.group}\u0000${p.seed}`);
    return run ? studyResultOf(run) : null;
  });
  return results.some((r) => r !== null) ? summarizeStudy(plan, results) : null;
}

/** Check the `study` of a study file whose `runs` are already checked. */
export function checkStudy(path: string, v: unknown, runs: readonly RunRecord[]): StudyRecord {
  const s = object(path, v);
  const studySpec = spec(`${path}.spec`, s['spec']);
  const id = string(`${path}.id`, s['id'], { nonEmpty: true, max: 200 });
  const stranger = runs.findIndex((r) => r.study?.id !== id);
  if (stranger >= 0)
    throw new RunFileError(
      `runs[${stranger}].study.id: expected the study's id ${JSON.stringify(id)} (every run of a study file belongs to it)`,
    );
  return {
    id,
    name: string(`${path}.name`, s['name'], { nonEmpty: true, max: 200 }),
    spec: studySpec,
    runIds: runs.map((r) => r.id),
    planned: number(`${path}.planned`, s['planned'], { min: 0, whole: true }),
    summary: summaryOf(studySpec, runs),
    status: oneOf(`${path}.status`, s['status'], ['running', 'finished', 'cancelled'] as const),
    createdAt: number(`${path}.createdAt`, s['createdAt'], { min: 0 }),
  };
}
