/** The page: controls on the left (collapsed behind a toggle at phone width), transport and charts on the right. */
import { useEffect, useState } from 'react';
import type { PlaygroundStore } from '../state/store';
import { Banners } from './panels/Banners';
import { ChartsPanel } from './panels/ChartsPanel';
import { ControlsPanel } from './panels/ControlsPanel';
import { Header } from './panels/Header';
import { Transport } from './panels/Transport';
import { RunsPanel } from './runs/RunsPanel';
import { StudyPanel } from './study/StudyPanel';

type View = 'training' | 'studies';

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

export function App({ store }: { store: PlaygroundStore }) {
  const narrow = useNarrow();
  const [showControls, setShowControls] = useState(false);
  const [view, setView] = useState<View>('training');
  return (
    <div className="app">
      {narrow ? (
        <div className="controls-toggle">
          <button type="button" aria-expanded={showControls} onClick={() => setShowControls((v) => !v)}>
            {showControls ? 'Hide controls' : 'Show controls'}
          </button>
          {showControls ? <ControlsPanel store={store} /> : null}
        </div>
      ) : (
        <ControlsPanel store={store} />
      )}
      <main className="workspace">
        <Header store={store} />
        <nav className="view-tabs" role="tablist" aria-label="Workspace">
          {(['training', 'studies'] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={view === v}
              className={view === v ? 'active' : undefined}
              onClick={() => setView(v)}
            >
              {v === 'training' ? 'Training' : 'Studies'}
            </button>
          ))}
        </nav>
        {view === 'training' ? (
          <>
            <Transport store={store} />
            <Banners store={store} />
            <RunsPanel store={store} />
            <ChartsPanel store={store} />
          </>
        ) : (
          <StudyPanel store={store} />
        )}
      </main>
    </div>
  );
}
