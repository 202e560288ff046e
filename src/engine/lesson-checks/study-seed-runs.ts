/**
 * What the study lessons judged per seed share (lessons 3 and 4: a grid over architectures and task
 * settings): the lesson's study trained ONCE for all of the check's seeds, memoised, and each seed's judge
 * reads its own run of every grid point.
 *
 * Why all seeds at once: the runs of one grid point differ only in their seed, so the study runner trains
 * them side by side as replicas of one batched step where the architecture allows it (layer sharing), with
 * exactly the numbers of one-by-one runs; a check then costs one run per grid point instead of one per grid
 * point and seed. Baselines are left out (the checks compare grid points with each other).
 */
import type { Lesson } from '../lessons/types';
import { runStudy } from '../runner/run-study';
import { stableJson } from '../study/grid';
import { parseStudy } from '../study/parse-study';
import type { RunRecord, StudySpec } from '../study/types';
import { TrainingDivergedError } from '../train/errors';

/** The lesson's study (a study lesson). */
export function lessonStudy(lesson: Lesson): StudySpec {
  if (lesson.setup.kind !== 'study')
    throw new Error(`lesson ${lesson.id}: its check needs a study lesson, got a config`);
  return lesson.setup.study;
}

/** One grid point's run: its settings (by grid path) and the record. */
export interface GridRun {
  settings: Record<string, unknown>;
  record: RunRecord;
}

const cache = new Map<string, Promise<GridRun[]>>();

/** A check may train part of the lesson's grid (fewer values of a path): path → the values to keep. */
export type GridSubset = Record<string, unknown[]>;

/** The lesson's study narrowed to `subset`; every kept value must be one of the lesson's own. */
export function narrowedStudy(lesson: Lesson, subset: GridSubset = {}): StudySpec {
  const study = lessonStudy(lesson);
  const grid = { ...study.grid };
  for (const [path, values] of Object.entries(subset)) {
    const own = (grid[path] ?? []).map((v) => stableJson(v));
    const missing = values.find((v) => !own.includes(stableJson(v)));
    if (missing !== undefined)
      throw new Error(
        `lesson ${lesson.id}: its study's grid must have ${stableJson(missing)} among the values of ${path}`,
      );
    grid[path] = values;
  }
  return { ...study, grid };
}

async function trainAll(
  lesson: Lesson,
  seeds: readonly number[],
  subset: GridSubset,
  log?: (line: string) => void,
): Promise<GridRun[]> {
  const spec = parseStudy({ ...narrowedStudy(lesson, subset), seeds: [...seeds], baselines: false });
  log?.(
    `${lesson.id}: training the study's ${Object.keys(spec.grid).join(' × ')} grid for seeds ${seeds.join(', ')}`,
  );
  const { plan, runs } = await runStudy(spec);
  return runs.map((record) => {
    const planned = plan.find((p) => p.group === record.study?.group && p.seed === record.study?.seed);
    return { settings: planned?.settings ?? {}, record };
  });
}

/**
 * `seed`'s finished run of every grid point of the lesson's study (or of `subset` of its grid), in grid
 * order. The first call trains all of `seeds`; later calls read the same runs. A diverged or stopped run
 * rejects with TrainingDivergedError (the check then counts that seed as not holding, with the message).
 */
export async function studySeedRuns(
  lesson: Lesson,
  seeds: readonly number[],
  seed: number,
  log?: (line: string) => void,
  subset: GridSubset = {},
): Promise<GridRun[]> {
  if (!seeds.includes(seed))
    throw new Error(`studySeedRuns: seed ${seed} is not one of the check's seeds ${seeds.join(', ')}`);
  const key = stableJson({ lesson: lesson.id, study: lessonStudy(lesson), seeds, subset });
  let all = cache.get(key);
  if (!all) {
    all = trainAll(lesson, seeds, subset, log);
    // A failed training must not stay cached: the next call trains again.
    all.catch(() => cache.delete(key));
    cache.set(key, all);
  }
  const mine = (await all).filter((r) => r.record.config.seed === seed);
  for (const { record } of mine) {
    if (record.status !== 'finished' || !record.final)
      throw new TrainingDivergedError(
        record.final?.step ?? 0,
        null,
        null,
        record.stopReason ?? record.status,
      );
  }
  return mine;
}

/** The mean of a run's final test losses over its tasks. */
export function meanTestLoss(record: RunRecord): number {
  const losses = (record.final?.tasks ?? []).map((t) => t.testLoss);
  return losses.reduce((s, l) => s + l, 0) / Math.max(losses.length, 1);
}
