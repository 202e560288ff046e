/**
 * The lessons' page-safe entry (issue 13): the lesson file's shape, its validator and a loader over any
 * file reader, for the app's lesson player and the CLI. No tfjs here: checking that a lesson's finding
 * holds is src/engine/lesson-checks/.
 */
export type * from './types';
export { LESSON_ID, MAX_STEPS, MIN_STEPS, parseLesson, parseLessonIndex } from './parse-lesson';
export { LESSONS_DIR, loadLesson, loadLessonIndex, type LessonReader } from './load-lesson';
