/**
 * The Studies tab (issue 12). Its content (builder, results, charts, the study table's CSV writer) loads
 * when the tab is first opened, in a chunk of its own: most visits never open it, and the page's first
 * bundle has a size budget (test/browser/bundle.test.ts).
 */
import { lazy, Suspense } from 'react';
import type { PlaygroundStore } from '../../state/store';

const StudyWorkspace = lazy(() => import('./StudyWorkspace').then((m) => ({ default: m.StudyWorkspace })));

export function StudyPanel({ store }: { store: PlaygroundStore }) {
  return (
    <Suspense fallback={<p className="field-note">Loading the study tools…</p>}>
      <StudyWorkspace store={store} />
    </Suspense>
  );
}
