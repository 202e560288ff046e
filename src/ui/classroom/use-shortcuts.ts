/**
 * Listens for the keyboard shortcuts (shortcuts.ts) on the whole page and runs them through the same
 * actions as the Train/Step/Reset buttons, with the same rules (no Step while running, nothing while the
 * backend starts). Space's own meaning (press the focused button, scroll) is cancelled so that it never
 * acts twice.
 */
import { useEffect } from 'react';
import { pause, reset, stepOnce, train } from '../../state/actions';
import type { PlaygroundStore } from '../../state/store';
import { shortcutOf } from './shortcuts';

export function useShortcuts(
  store: PlaygroundStore,
  help: { isOpen: () => boolean; toggle: () => void; close: () => void },
  onTrain: () => void,
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutOf(event);
      if (!action) return;
      const { status } = store.getState();
      const blocked = status === 'starting' || status === 'diverged' || status === 'error';
      if (action === 'close') return help.close();
      // While the list is open, keys work its buttons (space presses Close), not the run.
      if (help.isOpen() && action !== 'help') return;
      event.preventDefault();
      if (action === 'help') return help.toggle();
      if (action === 'toggle') {
        if (status === 'running') return pause();
        if (!blocked) {
          train();
          onTrain();
        }
        return;
      }
      if (action === 'step' && !blocked && status !== 'running') return stepOnce();
      if (action === 'reset' && status !== 'starting') reset();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, help, onTrain]);
}
