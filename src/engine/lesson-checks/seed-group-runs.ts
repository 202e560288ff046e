/**
 * What the network lessons' checks share (lessons 5, 7, 8: a config lesson judged per seed): one SETTING of
 * the lesson (its config with a few paths changed, e.g. `{ "method.id": "pcgrad" }`) trained for every
 * seed of the check at once, memoised, and each seed's judge reads its own run.
 *
 * Why all seeds at once: the seeds of one setting differ only in their seed, so on WASM they train side by
 * side as replicas of one batched step (runner/train-group.ts), with exactly the numbers of one-by-one runs;
 * a check then costs one run per setting instead of one per setting and seed. Settings the batch cannot
 * serve (affinity, partial sampling) train one by one, with the same numbers.
 */
import { parseConfig } from '../config/parse';
import type { Lesson } from '../lessons/types';
import { trainGroup } from '../runner/train-group';
import { applySettings, stableJson } from '../study/grid';
import type { RunRecord } from '../study/types';
import { TrainingDivergedError } from '../train/errors';

/** The lesson's config (a config lesson). */
export function lessonConfig(lesson: Lesson): Record<string, unknown> {
  if (lesson.setup.kind !== 'config')
    throw new Error(`lesson ${lesson.id}: its check needs a config lesson, got a study`);
  return lesson.setup.config;
}

const cache = new Map<string, Promise<RunRecord[]>>();

/**
 * `seed`'s finished run of the lesson's config with `settings` applied (paths as in a study grid). The
 * first call for a setting trains all of `seeds`; later calls read the same runs. A seed whose run diverged
 * rejects with TrainingDivergedError (the check then counts that seed as not holding, with the message).
 */
export async function seedRun(
  lesson: Lesson,
  settings: Record<string, unknown>,
  seeds: readonly number[],
  seed: number,
  log?: (line: string) => void,
): Promise<RunRecord> {
  const index = seeds.indexOf(seed);
  if (index < 0) throw new Error(`seedRun: seed ${seed} is not one of the check's seeds ${seeds.join(', ')}`);
  const key = stableJson({ lesson: lesson.id, config: lessonConfig(lesson), settings, seeds });
  let runs = cache.get(key);
  if (!runs) {
    const base = applySettings(lessonConfig(lesson), settings);
    const configs = seeds.map((s) => parseConfig({ ...base, seed: s }));
    log?.(`${lesson.id}: training ${stableJson(settings)} for seeds ${seeds.join(', ')}`);
    runs = trainGroup(configs);
    // A failed training must not stay cached: the next call trains again.
    runs.catch(() => cache.delete(key));
    cache.set(key, runs);
  }
  const record = (await runs)[index];
  if (!record) throw new Error(`seedRun: no run for seed ${seed}`);
  if (record.status !== 'finished' || !record.final) {
    // The record's reason is the error's own message ("training diverged at step N...: what"); keep the what.
    const what = (record.stopReason ?? `the run ended ${record.status}`).replace(
      /^training diverged at [^:]*: /,
      '',
    );
    throw new TrainingDivergedError(record.history.at(-1)?.step ?? 0, null, null, what, seed);
  }
  return record;
}

/** Each task's final test loss of a run. */
export const testLosses = (record: RunRecord): number[] => (record.final?.tasks ?? []).map((t) => t.testLoss);

/** A number rounded to 4 significant digits, for verdicts and the lesson text. */
export const sig4 = (x: number): number => Number(x.toPrecision(4));
