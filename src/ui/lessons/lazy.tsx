/**
 * The lesson views, loaded when first shown (the cards need their lesson files fetched anyway): the page's
 * first bundle has a size budget (test/browser/bundle.test.ts), and training needs neither.
 */
import { lazy, Suspense } from 'react';
import type { PlaygroundStore } from '../../state/store';

const Panel = lazy(() => import('./LessonsPanel').then((m) => ({ default: m.LessonsPanel })));
const Player = lazy(() => import('./LessonPlayer').then((m) => ({ default: m.LessonPlayer })));

export function LazyLessonsPanel({ store }: { store: PlaygroundStore }) {
  return (
    <Suspense fallback={<p className="field-note">Loading the lessons…</p>}>
      <Panel store={store} />
    </Suspense>
  );
}

export function LazyLessonPlayer({ embedded = false }: { embedded?: boolean }) {
  return (
    <Suspense fallback={null}>
      <Player embedded={embedded} />
    </Suspense>
  );
}
