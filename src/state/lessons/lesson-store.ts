/**
 * The lessons as the page sees them (zustand/vanilla): the cards (every lesson of lessons/index.json that
 * could be read), the lesson open in the player with its step, and one line when something went wrong.
 * Everything that changes it is in lesson-actions.ts.
 */
import { createStore } from 'zustand/vanilla';
import type { Lesson } from '../../engine/lessons/types';
import type { StudySpec } from '../../engine/study/types';

export interface OpenLesson {
  lesson: Lesson;
  /** The step on screen, 0-based (the URL's `step=` is 1-based). */
  step: number;
  /** The introduction (Markdown) once read; `textError` says why it could not be. */
  text: string | null;
  textError: string | null;
  /** Steps whose change was made ("Do it" pressed, or applied when the link opened a later step). */
  done: number[];
  /** A study lesson's study, as its steps have changed it so far; null for a config lesson. */
  study: StudySpec | null;
}

export interface LessonState {
  /** The cards, in the index's order; null until the list was read. */
  lessons: Lesson[] | null;
  /** One line per lesson that could not be read (the others still show). */
  problems: string[];
  open: OpenLesson | null;
  /** A lesson or a step that could not apply: one line naming the field. */
  error: string | null;
  /** The chart or panel a step points at; `seq` changes on every request, so the same target flashes again. */
  focus: { target: string; seq: number } | null;
}

export const createLessonStore = () =>
  createStore<LessonState>()(() => ({ lessons: null, problems: [], open: null, error: null, focus: null }));

export type LessonStore = ReturnType<typeof createLessonStore>;

export const lessonStore: LessonStore = createLessonStore();
