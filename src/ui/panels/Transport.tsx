/**
 * Train/Pause, Step and Reset, and the status line: step, steps/s, the backend, why `auto` chose it (or
 * where its move to WebGPU stands) and why it fell back.
 */
import { useStore } from 'zustand';
import { pause, reset, stepOnce, train } from '../../state/actions';
import type { PlaygroundStore } from '../../state/store';

/**
 * `onTrain`: also called when training starts here (on the Lessons tab it opens Training, where the charts
 * are). `compact` leaves out Step and Reset (an embedded chart or lesson).
 */
export function Transport({
  store,
  onTrain,
  compact = false,
}: {
  store: PlaygroundStore;
  onTrain?: () => void;
  compact?: boolean;
}) {
  const status = useStore(store, (s) => s.status);
  const step = useStore(store, (s) => s.step);
  const rate = useStore(store, (s) => s.stepsPerSecond);
  const backend = useStore(store, (s) => s.backend);
  // Under `auto` a missing WebGPU is the normal case on many machines (the app trains on WASM as
  // planned): said in the status line's muted colour. Red only when a backend the user chose was refused.
  const chosen = useStore(store, (s) => s.backendPreference !== 'auto');
  const running = status === 'running';
  const blocked = status === 'starting' || status === 'diverged' || status === 'error';
  const statusText =
    status === 'starting'
      ? 'Starting…'
      : `Step ${step.toLocaleString()}${running ? ` · ${rate.toFixed(0)} steps/s` : status === 'paused' ? ' · paused' : ''}${status === 'diverged' ? ' · stopped (diverged)' : ''}`;
  return (
    <div className="transport">
      <button
        type="button"
        className="primary"
        onClick={running ? pause : () => (train(), onTrain?.())}
        disabled={blocked}
        aria-keyshortcuts="Space"
      >
        {running ? 'Pause' : 'Train'}
      </button>
      {compact ? null : (
        <>
          <button type="button" onClick={stepOnce} disabled={blocked || running} aria-keyshortcuts="S">
            Step
          </button>
          <button type="button" onClick={reset} disabled={status === 'starting'} aria-keyshortcuts="R">
            Reset
          </button>
        </>
      )}
      <p role="status" className="status-line">
        <span>{statusText}</span>
        {backend ? (
          <span className="backend">
            {' · '}
            {backend.label}
            {backend.note ? <span className="backend-note"> — {backend.note}</span> : null}
            {backend.fallbackReason ? (
              <span className={chosen ? 'fallback refused' : 'fallback'}>
                {' '}
                (fell back: {backend.fallbackReason})
              </span>
            ) : null}
          </span>
        ) : null}
      </p>
    </div>
  );
}
