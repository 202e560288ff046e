/**
 * The page: controls on the left (collapsed behind a toggle at phone width), and the workspace tabs on the
 * right: Lessons (the first visit's tab), Training (transport, the open lesson beside the charts),
 * Studies and the gradient-geometry explorer. Keyboard shortcuts work on every tab (`?` lists them). A
 * classroom link may hide parts, lock fields or embed one lesson or chart alone (ui/classroom).
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { classroomStore, showTab, type WorkspaceTab } from '../state/classroom/classroom-store';
import { startData } from '../state/data/data-connection';
import { lessonStore } from '../state/lessons/lesson-store';
import type { PlaygroundStore } from '../state/store';
import { EmbedShell } from './classroom/EmbedShell';
import { HelpOverlay } from './classroom/HelpOverlay';
import { DataDrop } from './data/DataDrop';
import { YourData } from './data/YourData';
import { useClassroom } from './classroom/use-classroom';
import { useShortcuts } from './classroom/use-shortcuts';
import { LazyLessonPlayer as LessonPlayer, LazyLessonsPanel as LessonsPanel } from './lessons/lazy';
import { useLessonFocus } from './lessons/use-lesson-focus';
import { NetworkView } from './network/NetworkView';
import { Banners } from './panels/Banners';
import { ChartsSlot, ParkedCharts, useChartsHost } from './panels/ParkedCharts';
import { ControlsPanel } from './panels/ControlsPanel';
import { Header } from './panels/Header';
import { Transport } from './panels/Transport';
import { RunsPanel } from './runs/RunsPanel';
import { StudyPanel } from './study/StudyPanel';

const TAB_LABELS: Record<WorkspaceTab, string> = {
  lessons: 'Lessons',
  training: 'Training',
  studies: 'Studies',
  explorer: 'Gradient geometry',
};
// The explorer is loaded on first open: a first visit does not pay for it (nor for KaTeX).
const ExplorerPanel = lazy(() => import('./explorer/ExplorerPanel'));

function useNarrow(): boolean {
  const query = '(max-width: 800px)';
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setNarrow(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

/** Starting to train from the Lessons tab opens Training, where the charts are. */
const toTraining = () => {
  if (classroomStore.getState().tab === 'lessons') showTab('training');
};

/** A tab's content with the open lesson's player beside it (above it on narrow screens). */
function WithLesson({ children }: { children: ReactNode }) {
  const open = useStore(lessonStore, (s) => s.open !== null);
  if (!open)
    return (
      <>
        <LessonPlayer />
        {children}
      </>
    );
  return (
    <div className="with-lesson">
      <div className="lesson-main">{children}</div>
      <LessonPlayer />
    </div>
  );
}

export function App({ store }: { store: PlaygroundStore }) {
  const narrow = useNarrow();
  const [showControls, setShowControls] = useState(false);
  const tab = useStore(classroomStore, (s) => s.tab);
  const chartsHost = useChartsHost();
  const { view, hidden, locked } = useClassroom();
  // Own data changes the task: not where a classroom link hides or locks the task.
  const noData = hidden('task') || locked('task');
  const [help, setHelp] = useState(false);
  const helpOpen = useRef(help);
  useEffect(() => {
    helpOpen.current = help;
  }, [help]);
  const helpControls = useMemo(
    () => ({
      isOpen: () => helpOpen.current,
      toggle: () => setHelp((v) => !v),
      close: () => setHelp(false),
    }),
    [],
  );
  const openHelp = useCallback(() => setHelp(true), []);
  useShortcuts(store, helpControls, toTraining);
  useLessonFocus();
  useEffect(() => startData(store), [store]);
  const overlay = help ? <HelpOverlay onClose={helpControls.close} /> : null;

  if (view.embed)
    return (
      <>
        <EmbedShell store={store} embed={view.embed} />
        {overlay}
      </>
    );

  const controls = hidden('controls') ? null : narrow ? (
    <div className="controls-toggle">
      <button type="button" aria-expanded={showControls} onClick={() => setShowControls((v) => !v)}>
        {showControls ? 'Hide controls' : 'Show controls'}
      </button>
      {showControls ? <ControlsPanel store={store} /> : null}
    </div>
  ) : (
    <ControlsPanel store={store} />
  );
  return (
    <div className={`app${hidden('controls') ? ' no-controls' : ''}`}>
      {controls}
      <main className="workspace">
        <Header store={store} onHelp={openHelp} />
        {hidden('tabs') ? null : (
          <nav className="view-tabs" role="tablist" aria-label="Workspace">
            {(Object.keys(TAB_LABELS) as WorkspaceTab[]).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                className={tab === t ? 'active' : undefined}
                onClick={() => showTab(t)}
              >
                {TAB_LABELS[t]}
              </button>
            ))}
          </nav>
        )}
        {tab === 'lessons' ? (
          <>
            <Transport store={store} onTrain={toTraining} />
            <Banners store={store} />
            <LessonsPanel store={store} />
          </>
        ) : null}
        {tab === 'training' ? (
          <WithLesson>
            <Transport store={store} />
            <Banners store={store} />
            {hidden('network') ? null : (
              <div data-part="network">
                <NetworkView store={store} />
              </div>
            )}
            {noData ? null : (
              <div data-part="data">
                <YourData />
              </div>
            )}
            {hidden('runs') ? null : (
              <div data-part="runs">
                <RunsPanel store={store} />
              </div>
            )}
            <ChartsSlot host={chartsHost} />
          </WithLesson>
        ) : null}
        {tab === 'studies' ? (
          <WithLesson>
            <StudyPanel store={store} />
          </WithLesson>
        ) : null}
        {tab === 'explorer' ? (
          <Suspense fallback={<p className="muted">Loading the explorer…</p>}>
            <ExplorerPanel />
          </Suspense>
        ) : null}
        <ParkedCharts host={chartsHost} store={store} now={tab === 'training'} />
      </main>
      {noData ? null : <DataDrop />}
      {overlay}
    </div>
  );
}
