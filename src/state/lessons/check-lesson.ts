/**
 * Is this JSON a lesson the player can show? The engine's page-safe parser (engine/lessons/parse-lesson.ts)
 * checks every field, the setup's config or study, and that every step's `set` still parses; here its
 * ConfigError becomes the one line the page shows.
 */
import { ConfigError } from '../../engine/config/types';
import { parseLesson, parseLessonIndex } from '../../engine/lessons';
import type { Lesson, LessonIndex } from '../../engine/lessons/types';

function oneLine(error: unknown): string {
  if (error instanceof ConfigError) return error.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}

export function checkLesson(raw: unknown): { lesson: Lesson } | { error: string } {
  try {
    return { lesson: parseLesson(raw) };
  } catch (error) {
    return { error: `${oneLine(error)}.` };
  }
}

/** lessons/index.json, or throws one line naming what is wrong. */
export function checkLessonIndex(raw: unknown): LessonIndex {
  try {
    return parseLessonIndex(raw);
  } catch (error) {
    throw new Error(oneLine(error), { cause: error });
  }
}
