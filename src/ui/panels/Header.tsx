/**
 * Title, what the current experiment shows, the presets menu (the same files the CLI runs), "Share this
 * view" (a classroom link) and the keyboard help.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { findMethodCard } from '../../engine/methods/catalogue';
import { findTaskSuite } from '../../engine/tasks/registry';
import { changeConfig } from '../../state/actions';
import type { PlaygroundStore } from '../../state/store';
import { ShareButton } from '../classroom/ShareButton';
import { useClassroom } from '../classroom/use-classroom';

interface Preset {
  file: string;
  title: string;
  description: string;
}

export function Header({ store, onHelp }: { store: PlaygroundStore; onHelp?: () => void }) {
  const config = useStore(store, (s) => s.config);
  const [presets, setPresets] = useState<Preset[]>([]);
  const [presetError, setPresetError] = useState<string | null>(null);
  const { view, hidden } = useClassroom();
  // A link that locks a field hides the presets too: a preset would change it all the same.
  const presetsHidden = hidden('presets') || view.lock.length > 0;
  useEffect(() => {
    fetch('presets/index.json')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((index: { presets: Preset[] }) => setPresets(index.presets))
      .catch((e: Error) => setPresetError(`Presets unavailable (${e.message}).`));
  }, []);
  const load = async (file: string) => {
    try {
      const response = await fetch(`presets/${file}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      setPresetError(changeConfig(await response.json())?.message ?? null);
    } catch (e) {
      setPresetError(`Could not load the preset ${file}: ${(e as Error).message}`);
    }
  };
  const suite = findTaskSuite(config.task.id);
  const method = findMethodCard(config.method.id);
  return (
    <header className="app-header">
      <div>
        <h1>MTL Playground</h1>
        <p className="lede">
          {suite?.label}, combined by <strong>{method?.label}</strong>. {suite?.summary}
        </p>
      </div>
      <div className="header-tools">
        <ShareButton store={store} />
        {onHelp ? (
          <button type="button" onClick={onHelp} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
            Keys <kbd>?</kbd>
          </button>
        ) : null}
        {presetsHidden ? null : (
          <label className="presets">
            <span>Presets</span>
            <select
              value=""
              onChange={(e) => e.target.value && void load(e.target.value)}
              aria-label="Load a preset experiment"
            >
              <option value="">Load an example…</option>
              {presets.map((p) => (
                <option key={p.file} value={p.file} title={p.description}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {presetError ? <p className="field-error">{presetError}</p> : null}
    </header>
  );
}
