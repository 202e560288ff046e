/**
 * Runs a lesson's check over its seeds into a LessonVerdict: the finding holds when a strict majority of
 * the seeds hold (issue 13: "exits 0 only if the finding holds in most of them"). A seed whose training
 * diverged does not hold, with the divergence as its reason, so one bad run shows up as a number in the
 * verdict instead of ending the check.
 */
import { TrainingDivergedError } from '../train/errors';
import type { Lesson } from '../lessons/types';
import type { LessonCheck, LessonVerdict, SeedVerdict } from './types';

/** The strict majority of n seeds. */
export const majorityOf = (n: number): number => Math.floor(n / 2) + 1;

export async function runLessonCheck(
  check: LessonCheck,
  lesson: Lesson,
  log?: (line: string) => void,
): Promise<LessonVerdict> {
  if (lesson.id !== check.id)
    throw new Error(`runLessonCheck: check '${check.id}' was given lesson '${lesson.id}'`);
  const seeds: SeedVerdict[] = [];
  for (const seed of check.seeds) {
    let verdict: SeedVerdict;
    try {
      verdict = await check.judge(lesson, seed, log);
    } catch (error) {
      if (!(error instanceof TrainingDivergedError)) throw error;
      verdict = { seed, holds: false, numbers: {}, why: `training diverged: ${error.message}` };
    }
    seeds.push(verdict);
    log?.(`${lesson.id} seed ${seed}: ${verdict.holds ? 'holds' : 'does NOT hold'}: ${verdict.why}`);
  }
  const needed = majorityOf(check.seeds.length);
  return { id: lesson.id, holds: seeds.filter((s) => s.holds).length >= needed, needed, seeds };
}
