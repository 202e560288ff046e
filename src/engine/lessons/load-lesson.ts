/**
 * Reading lesson files through a reader the caller provides: the CLI and Node tests read
 * public/lessons/ from disk (src/cli/commands/lesson.ts), the app can fetch the same files. The engine
 * itself never touches a file system (it runs in the browser too). A missing or bad file is a ConfigError
 * naming the file and the field, so the CLI reports it as one line with exit code 2.
 */
import { ConfigError } from '../config/types';
import { describeValue, oneLine } from '../params/describe';
import { LESSON_ID, parseLesson, parseLessonIndex } from './parse-lesson';
import type { Lesson, LessonIndex } from './types';

/** Where the lessons live, relative to the repository root (the app serves the same folder). */
export const LESSONS_DIR = 'public/lessons';

/** Returns the text of a file of the lessons folder (e.g. "index.json"); rejects when it cannot. */
export type LessonReader = (file: string) => Promise<string>;

async function readJson(read: LessonReader, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await read(file);
  } catch (error) {
    const why = (error as { code?: string }).code === 'ENOENT' ? 'no such file' : String(error);
    throw new ConfigError([
      { path: `${LESSONS_DIR}/${file}`, message: `cannot read the file (${oneLine(why, 80)})` },
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError([
      { path: `${LESSONS_DIR}/${file}`, message: `invalid JSON (${oneLine((error as Error).message, 120)})` },
    ]);
  }
}

/** A file's validation error with the file named in front of each field. */
function inFile<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const where = `${LESSONS_DIR}/${file}`;
    throw new ConfigError(error.issues.map((i) => ({ ...i, path: i.path ? `${where} ${i.path}` : where })));
  }
}

export async function loadLessonIndex(read: LessonReader): Promise<LessonIndex> {
  const raw = await readJson(read, 'index.json');
  return inFile('index.json', () => parseLessonIndex(raw));
}

/** `<id>.json`, validated; its `id` must be its file name. */
export async function loadLesson(id: string, read: LessonReader): Promise<Lesson> {
  if (!LESSON_ID.test(id)) {
    const accepted = 'kebab-case (a-z, 0-9 and single dashes)';
    throw new ConfigError([
      { path: 'lesson id', message: `expected ${accepted}, got ${describeValue(id)}`, accepted },
    ]);
  }
  const file = `${id}.json`;
  const raw = await readJson(read, file);
  const lesson = inFile(file, () => parseLesson(raw));
  if (lesson.id !== id) {
    const accepted = `"${id}" (the file's name)`;
    throw new ConfigError([
      {
        path: `${LESSONS_DIR}/${file} id`,
        message: `expected ${accepted}, got ${describeValue(lesson.id)}`,
        accepted,
      },
    ]);
  }
  return lesson;
}
