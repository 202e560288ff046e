import { describe, expect, it } from 'vitest';
import { createClassroomStore, initialTab, isHidden, isLocked, showTab } from './classroom-store';

describe('classroom store', () => {
  it('opens a first visit on the lessons, a link with an experiment or a lesson on Training', () => {
    expect(initialTab(null, '')).toBe('lessons');
    expect(initialTab(null, '#')).toBe('lessons');
    expect(initialTab(null, '#config=%7B%7D')).toBe('training');
    expect(initialTab({ lesson: 'cagrad-toy', hide: [], lock: [] }, '')).toBe('training');
    expect(initialTab({ hide: ['method'], lock: [] }, '')).toBe('lessons');
  });

  it('says what is hidden and locked, and moves between tabs', () => {
    const store = createClassroomStore({ hide: ['method'], lock: ['task'] }, 'lessons');
    const { view } = store.getState();
    expect([isHidden(view, 'method'), isHidden(view, 'task'), isLocked(view, 'task')]).toEqual([
      true,
      false,
      true,
    ]);
    showTab('studies', store);
    expect(store.getState().tab).toBe('studies');
  });
});
