/**
 * Notices (a rejected URL), errors (divergence, a lost GPU) with a way on, a run that stopped learning, and
 * the reset confirmation.
 */
import { useStore } from 'zustand';
import {
  cancelChange,
  confirmChange,
  dismissError,
  dismissNotice,
  reset,
  switchBackend,
  undoChange,
} from '../../state/actions';
import type { PlaygroundStore } from '../../state/store';
import { HealthBanner } from './HealthBanner';

export function Banners({ store }: { store: PlaygroundStore }) {
  const notice = useStore(store, (s) => s.notice);
  const error = useStore(store, (s) => s.error);
  const pending = useStore(store, (s) => s.pendingChange);
  const undo = useStore(store, (s) => s.undo);
  return (
    <div className="banners">
      {notice ? (
        <div className="banner banner-notice" role="alert">
          <span>{notice}</span>
          <button type="button" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      ) : null}
      {error ? (
        <div className="banner banner-error" role="alert">
          <span>{error.message}</span>
          {error.kind === 'diverged' ? (
            <button type="button" onClick={() => (dismissError(), reset())}>
              Reset
            </button>
          ) : null}
          {error.kind === 'device-lost' || error.kind === 'internal' || error.kind === 'backend' ? (
            <>
              <button type="button" onClick={() => void switchBackend('webgl')}>
                Continue on WebGL
              </button>
              <button type="button" onClick={() => void switchBackend('wasm')}>
                Continue on WASM
              </button>
            </>
          ) : null}
          <button type="button" onClick={dismissError}>
            Dismiss
          </button>
        </div>
      ) : null}
      <HealthBanner store={store} />
      {pending ? (
        <div className="banner banner-confirm" role="alertdialog" aria-label="Confirm reset">
          <span>{pending.summary}</span>
          <button type="button" className="primary" onClick={confirmChange}>
            Start over
          </button>
          <button type="button" onClick={cancelChange}>
            Keep this run
          </button>
        </div>
      ) : null}
      {undo && !pending ? (
        <div className="banner banner-undo">
          <span>The experiment started over with the new settings.</span>
          <button type="button" onClick={undoChange}>
            Undo
          </button>
          <button type="button" onClick={() => store.setState({ undo: null })}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
