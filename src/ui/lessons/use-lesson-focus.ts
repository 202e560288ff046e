/**
 * A step's `focus` (a chart id, or a panel such as 'network'): scroll it into view and highlight it for a
 * moment. The target may appear only after a tab switch or the first report, so it is looked for over a
 * few frames before giving up quietly (a chart this experiment does not draw has nothing to point at).
 */
import { useEffect } from 'react';
import { lessonStore } from '../../state/lessons/lesson-store';

const HIGHLIGHT_MS = 2400;
const TRIES = 60;

const targetOf = (name: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(
    `[data-chart="${CSS.escape(name)}"], [data-part="${CSS.escape(name)}"]`,
  );

export function useLessonFocus(): void {
  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = lessonStore.subscribe((state, previous) => {
      const focus = state.focus;
      if (!focus || focus === previous.focus) return;
      cancelAnimationFrame(frame);
      let tries = 0;
      const look = () => {
        const element = targetOf(focus.target);
        if (!element) {
          if (++tries < TRIES) frame = requestAnimationFrame(look);
          return;
        }
        element.scrollIntoView({ block: 'center', behavior: 'smooth' });
        element.classList.add('lesson-focus');
        element.setAttribute('data-lesson-focus', 'true');
        clearTimeout(timer);
        timer = setTimeout(() => {
          element.classList.remove('lesson-focus');
          element.removeAttribute('data-lesson-focus');
        }, HIGHLIGHT_MS);
      };
      look();
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
}
