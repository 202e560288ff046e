/**
 * Keeps the URL hash and the page in step: every config change rewrites the hash (replaceState, so the
 * back button is not flooded), and editing or pasting a hash applies it like any other change: its usable
 * fields apply, the rest is named in a notice, and a hash that holds no experiment leaves the open one be.
 *
 * The classroom keys (classroom/classroom-hash.ts: the open lesson and its step, what is hidden, locked or
 * embedded) go in front of the experiment, so a reload reopens the lesson where the student was; a hash
 * without them is exactly the experiment's hash as before.
 */
import { changeConfig } from './actions';
import { joinHash, splitHash } from './classroom/classroom-hash';
import { classroomStore, type ClassroomStore } from './classroom/classroom-store';
import type { ClassroomView } from './classroom/types';
import { goToStep, openLesson } from './lessons/lesson-actions';
import { lessonStore, type LessonStore } from './lessons/lesson-store';
import type { PlaygroundStore } from './store';
import { decodeHash, encodeConfig } from './url-codec';

/** The classroom keys the page stands at: the link's hide/lock/embed, and the lesson open now. */
function classroomNow(classroom: ClassroomStore, lessons: LessonStore): ClassroomView {
  const { hide, lock, embed } = classroom.getState().view;
  const open = lessons.getState().open;
  return {
    hide,
    lock,
    ...(embed ? { embed } : {}),
    ...(open ? { lesson: open.lesson.id, step: open.step + 1 } : {}),
  };
}

export function syncUrl(
  store: PlaygroundStore,
  lessons: LessonStore = lessonStore,
  classroom: ClassroomStore = classroomStore,
): () => void {
  const write = () => {
    const hash = joinHash(classroomNow(classroom, lessons), encodeConfig(store.getState().config));
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  };
  write();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.config !== previous.config) write();
  });
  const unsubscribeLessons = lessons.subscribe((state, previous) => {
    if (state.open?.lesson.id !== previous.open?.lesson.id || state.open?.step !== previous.open?.step)
      write();
  });
  const unsubscribeClassroom = classroom.subscribe((state, previous) => {
    if (state.view !== previous.view) write();
  });
  const onHashChange = () => {
    const split = splitHash(window.location.hash);
    const { config, notice } = decodeHash(split.experiment, store.getState().config);
    // What the link could use applies (asking first if it resets a run); what it could not is named.
    if (config !== store.getState().config) changeConfig(config);
    const notices = [notice, split.notice].filter(Boolean);
    if (notices.length) store.setState({ notice: notices.join(' ') });
    const wanted = split.classroom;
    if (!wanted) return;
    const { lesson, step, ...view } = wanted;
    classroom.setState({ view });
    const open = lessons.getState().open;
    if (lesson && open?.lesson.id !== lesson)
      void openLesson(lesson, { ...(step ? { step } : {}), applySetup: split.experiment === '' });
    else if (lesson && step) goToStep(step - 1);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    unsubscribeLessons();
    unsubscribeClassroom();
    window.removeEventListener('hashchange', onHashChange);
  };
}
