/**
 * Reading the lessons on the page: `lessons/index.json` lists them in card order (`{ lessons: [{ id, file }] }`),
 * each `lessons/<file>` is a Lesson (engine/lessons/types.ts) and `lessons/<id>.md` its introduction for the
 * student. A file that cannot be read or does not hold a lesson gives one line naming the file and what was
 * wrong; the other lessons still show.
 */
import type { Lesson, LessonIndex } from '../../engine/lessons/types';

/** The lessons live beside the presets and the example studies (public/lessons/). */
export const LESSONS_DIR = 'lessons/';

/** What the loader needs of the network: fetch by default, a map of files in unit tests. */
export interface LessonFiles {
  json(path: string): Promise<unknown>;
  text(path: string): Promise<string>;
}

const ok = async (path: string) => {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response;
};

export const fetchFiles: LessonFiles = {
  json: async (path): Promise<unknown> => (await ok(path)).json() as Promise<unknown>,
  text: async (path) => (await ok(path)).text(),
};

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface LoadedLessons {
  lessons: Lesson[];
  /** One line per lesson that could not be used. */
  problems: string[];
}

/** Every lesson of the index, in its order; the unusable ones are named in `problems`. */
export async function loadLessons(files: LessonFiles = fetchFiles): Promise<LoadedLessons> {
  // The validators (zod schemas, the config and study parsers) load with the lessons, not with the page.
  const { checkLesson, checkLessonIndex } = await import('./check-lesson');
  let index: LessonIndex;
  try {
    index = checkLessonIndex(await files.json(`${LESSONS_DIR}index.json`));
  } catch (error) {
    return {
      lessons: [],
      problems: [`The lesson list (lessons/index.json) could not be read: ${describe(error)}.`],
    };
  }
  const results = await Promise.all(
    index.lessons.map(async ({ id, file }) => {
      try {
        const checked = checkLesson(await files.json(`${LESSONS_DIR}${file}`));
        if ('error' in checked) return { problem: `Lesson ${file}: ${checked.error}` };
        if (checked.lesson.id !== id)
          return {
            problem: `Lesson ${file}: its id '${checked.lesson.id}' differs from the index's '${id}'.`,
          };
        return { lesson: checked.lesson };
      } catch (error) {
        return { problem: `Lesson ${file} could not be read: ${describe(error)}.` };
      }
    }),
  );
  return {
    lessons: results.flatMap((r) => (r.lesson ? [r.lesson] : [])),
    problems: results.flatMap((r) => (r.problem ? [r.problem] : [])),
  };
}

/** The lesson's introduction (Markdown), or the line that says why it is missing. */
export async function loadLessonText(
  lesson: Lesson,
  files: LessonFiles = fetchFiles,
): Promise<{ text: string } | { error: string }> {
  const file = lesson.text ?? `${lesson.id}.md`;
  try {
    return { text: await files.text(`${LESSONS_DIR}${file}`) };
  } catch (error) {
    return { error: `The introduction (lessons/${file}) could not be read: ${describe(error)}.` };
  }
}
