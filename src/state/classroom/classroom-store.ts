/**
 * The page's classroom state (zustand/vanilla, like the main store): what a teacher's link hides, locks or
 * embeds (types.ts), and which workspace tab is open. The tab lives here, not in a component, so that a
 * lesson opening (state/lessons) or a keyboard shortcut can move the student to the tab it needs.
 */
import { createStore } from 'zustand/vanilla';
import { emptyClassroom } from './classroom-hash';
import type { ClassroomView } from './types';

export type WorkspaceTab = 'lessons' | 'training' | 'studies' | 'explorer';

export interface ClassroomState {
  /** Hide, lock and embed as the link asked (its lesson and step are the lesson store's once opened). */
  view: ClassroomView;
  tab: WorkspaceTab;
}

/**
 * A first visit (no experiment and no lesson in the link) opens on the lesson cards; a link with an
 * experiment is a returning user's or a shared run: it opens on Training, as before lessons existed.
 */
export function initialTab(view: ClassroomView | null, experiment: string): WorkspaceTab {
  if (view?.lesson) return 'training';
  return experiment.replace(/^#/, '') === '' ? 'lessons' : 'training';
}

export const createClassroomStore = (view: ClassroomView | null = null, tab: WorkspaceTab = 'lessons') =>
  createStore<ClassroomState>()(() => ({ view: view ?? emptyClassroom(), tab }));

export type ClassroomStore = ReturnType<typeof createClassroomStore>;

/** The page's one classroom store; main.tsx sets it from the URL before the first render. */
export const classroomStore: ClassroomStore = createClassroomStore();

export const showTab = (tab: WorkspaceTab, store: ClassroomStore = classroomStore) => store.setState({ tab });

/** Whether a part (control, panel or chart) is hidden or locked by the link. */
export const isHidden = (view: ClassroomView, part: string) => view.hide.includes(part);
export const isLocked = (view: ClassroomView, part: string) => view.lock.includes(part);
