/**
 * The colour scheme the page follows (styles.css switches its variables on prefers-color-scheme): a chart
 * painted on a canvas resolves its colours when it paints, so it paints again when the scheme changes.
 */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-color-scheme: dark)';

let list: MediaQueryList | null = null;
const media = () => (list ??= window.matchMedia(QUERY));

function subscribe(changed: () => void): () => void {
  media().addEventListener('change', changed);
  return () => media().removeEventListener('change', changed);
}

/** Whether the page follows the dark scheme now. */
export const prefersDark = () => media().matches;

/** 'dark' or 'light', re-rendering the caller when it changes. */
export function useColorScheme(): 'dark' | 'light' {
  return useSyncExternalStore(subscribe, prefersDark, () => false) ? 'dark' : 'light';
}
