/**
 * Keeps the URL hash and the config in step: every config change rewrites the hash (replaceState, so the
 * back button is not flooded), and editing or pasting a hash applies it like any other change.
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
    const decoded = decodeHash(window.location.hash);
    if (decoded.notice) store.setState({ notice: decoded.notice });
    else changeConfig(decoded.config);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
