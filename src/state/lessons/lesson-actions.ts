/**
 * What the lesson player does, callable without hooks: read the cards, open a lesson (its setup goes to the
 * Training tab's store through the same changeConfig as a preset, or, for a study lesson, to the Studies
 * tab's controller), move between steps, and "Do it": a step's `set` paths apply exactly as `--set` and
 * study grids apply them (engine/study/grid.ts applySettings), `train` starts training or the study,
 * `focus` points at a chart or panel.
 *
 * Opening a lesson, or doing one of its steps, is an explicit request to change the experiment: a change
 * that needs a reset is confirmed at once (the run so far is kept in the run list) instead of asking again.
 */
import { ConfigError } from '../../engine/config/types';
import type { Lesson, LessonStep } from '../../engine/lessons/types';
import { applySettings } from '../../engine/study/grid';
import type { StudySpec } from '../../engine/study/types';
import { changeConfig, confirmChange, reset, train } from '../actions';
import { classroomStore, showTab, type ClassroomStore } from '../classroom/classroom-store';
import type { PlaygroundStore } from '../store';
import { configJson } from '../url-repair';
import { fetchFiles, loadLessons, loadLessonText, type LessonFiles } from './load-lessons';
import { lessonStore, type LessonStore, type OpenLesson } from './lesson-store';

/** What a study lesson needs of the Studies tab: start a study (it names its problems if it cannot). */
export interface StudyStarter {
  startSpec(raw: unknown): boolean;
}

export interface LessonDeps {
  playground: PlaygroundStore;
  lessons?: LessonStore;
  classroom?: ClassroomStore;
  files?: LessonFiles;
  /**
   * The Studies tab's controller, loaded when a study lesson first needs it (the page passes
   * state/study/study-app's; it is not imported here, so this module also runs in Node tests).
   */
  study: () => Promise<StudyStarter>;
}

let deps: Required<LessonDeps>;

export function connectLessons(d: LessonDeps): void {
  deps = {
    lessons: lessonStore,
    classroom: classroomStore,
    files: fetchFiles,
    ...d,
  };
}

const store = () => deps.lessons;
const setError = (error: string | null) => store().setState({ error });

/** Read the cards once (later calls keep what was read). */
export async function loadLessonCards(): Promise<Lesson[]> {
  const known = store().getState().lessons;
  if (known) return known;
  const { lessons, problems } = await loadLessons(deps.files);
  store().setState({ lessons, problems });
  return lessons;
}

/** A step's `set` over a raw config; a bad path or value names the step and the field. */
function withSet(raw: Record<string, unknown>, step: LessonStep, index: number): Record<string, unknown> {
  if (!step.set) return raw;
  try {
    return applySettings(raw, step.set);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const first = error.issues[0];
    const path = first?.path.replace(/^grid\./, '') ?? '';
    throw new Error(`Step ${index + 1} cannot apply ${path}: ${first?.message ?? error.message}`, {
      cause: error,
    });
  }
}

/** Apply a raw config to the Training tab now (a reset it needs is confirmed: the user asked for it). */
function applyConfig(raw: unknown): boolean {
  const error = changeConfig(raw);
  if (error) {
    setError(`This lesson's experiment cannot apply: ${error.message}`);
    return false;
  }
  if (deps.playground.getState().pendingChange) confirmChange();
  return true;
}

/**
 * Open a lesson at `step` (1-based, default 1). With `applySetup` (a card's click, a teacher's link) its
 * setup applies, then the changes of the steps before `step`, so the page is as the student would have it
 * there; without (a reload whose link holds its own experiment) the experiment open stays.
 */
export async function openLesson(
  id: string,
  opts: { step?: number; applySetup?: boolean } = {},
): Promise<boolean> {
  const lessons = await loadLessonCards();
  const lesson = lessons.find((l) => l.id === id);
  if (!lesson) {
    const known = lessons.map((l) => l.id).join(', ') || 'none could be read';
    setError(`There is no lesson '${id}'; the lessons are: ${known}.`);
    return false;
  }
  const step = Math.min(Math.max((opts.step ?? 1) - 1, 0), lesson.steps.length - 1);
  const before = lesson.steps.slice(0, step);
  let study: StudySpec | null = null;
  try {
    if (lesson.setup.kind === 'study') {
      const base = before.reduce((raw, s, i) => withSet(raw, s, i), lesson.setup.study.base);
      study = { ...lesson.setup.study, base };
      if (opts.applySetup !== false && !applyConfig(base)) return false;
    } else if (opts.applySetup !== false) {
      const raw = before.reduce((r, s, i) => withSet(r, s, i), lesson.setup.config);
      if (!applyConfig(raw)) return false;
    }
  } catch (error) {
    setError((error as Error).message);
    return false;
  }
  const open: OpenLesson = {
    lesson,
    step,
    text: null,
    textError: null,
    done: before.flatMap((s, i) => (s.set ? [i] : [])),
    study,
  };
  store().setState({ open, error: null });
  showTab(lesson.setup.kind === 'study' ? 'studies' : 'training', deps.classroom);
  const text = await loadLessonText(lesson, deps.files);
  // Still the same lesson (the student may have closed it or opened another meanwhile).
  const now = store().getState().open;
  if (now?.lesson.id === id)
    store().setState({
      open: { ...now, ...('text' in text ? { text: text.text } : { textError: text.error }) },
    });
  return true;
}

/** Show step `index` (0-based), clamped to the lesson's steps. */
export function goToStep(index: number): void {
  const open = store().getState().open;
  if (!open) return;
  const step = Math.min(Math.max(index, 0), open.lesson.steps.length - 1);
  store().setState({ open: { ...open, step }, error: null });
}

/** Point at a chart or panel (the explorer is a tab of its own). */
export function focusOn(target: string): void {
  if (target === 'explorer') showTab('explorer', deps.classroom);
  store().setState({ focus: { target, seq: (store().getState().focus?.seq ?? 0) + 1 } });
}

/**
 * A lesson step that trains starts a fresh run (the one so far is kept in the run list, to overlay) and
 * pauses exactly at the config's budget (the session stops there by itself), where the app would otherwise
 * train on: the lesson's expected numbers are those of `cli lesson check`, which trains every setting from
 * step 0 to `steps` (the toy's paths from the paper's starts, not from where the previous method left them).
 */
function trainFromStart(): void {
  const playground = deps.playground;
  if (playground.getState().step > 0) reset();
  train(playground.getState().config.steps);
}

/** "Do it": the step's changes, then training (or the study) if it says so, then where to look. */
export async function doStep(): Promise<boolean> {
  const open = store().getState().open;
  if (!open) return false;
  const index = open.step;
  const step = open.lesson.steps[index];
  if (!step) return false;
  let study = open.study;
  try {
    if (study) {
      study = { ...study, base: withSet(study.base, step, index) };
      if (step.set && !applyConfig(study.base)) return false;
    } else if (step.set) {
      if (!applyConfig(withSet(configJson(deps.playground.getState().config), step, index))) return false;
    }
  } catch (error) {
    setError((error as Error).message);
    return false;
  }
  store().setState({
    open: { ...open, study, done: open.done.includes(index) ? open.done : [...open.done, index] },
    error: null,
  });
  if (step.train) {
    if (study) {
      showTab('studies', deps.classroom);
      const starter = await deps.study();
      starter.startSpec(study);
    } else {
      showTab('training', deps.classroom);
      trainFromStart();
    }
  }
  if (step.focus) focusOn(step.focus);
  return true;
}

// A run a lesson step started still pauses at its budget after the lesson is closed (the session holds
// the stop): Train goes on from there.
export const closeLesson = () => store().setState({ open: null, error: null });
export const dismissLessonError = () => setError(null);
