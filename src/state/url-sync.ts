/**
 * Keeps the URL hash and the config in step: every config change rewrites the hash (replaceState, so the
 * back button is not flooded), and editing or pasting a hash applies it like any other change: its usable
 * fields apply, the rest is named in a notice, and a hash that holds no experiment leaves the open one be.
 */
import { changeConfig } from './actions';
import type { PlaygroundStore } from './store';
import { decodeHash, encodeConfig } from './url-codec';

export function syncUrl(store: PlaygroundStore): () => void {
  const write = () => {
    const hash = encodeConfig(store.getState().config);
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  };
  write();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.config !== previous.config) write();
  });
  const onHashChange = () => {
    const { config, notice } = decodeHash(window.location.hash, store.getState().config);
    // What the link could use applies (asking first if it resets a run); what it could not is named.
    if (config !== store.getState().config) changeConfig(config);
    if (notice) store.setState({ notice });
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
