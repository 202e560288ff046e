/**
 * A study in flight: runs done of the total as a progress bar, the steps trained, elapsed time and what
 * is left (from the study's own rate so far), and Cancel, which keeps every run that finished.
 */
import { useStore } from 'zustand';
import { formatDuration } from '../../state/study/estimate';
import type { StudyController } from '../../state/study/study-controller';
import { isBusy } from '../../state/study/study-store';

export function StudyProgress({ controller }: { controller: StudyController }) {
  const phase = useStore(controller.store, (s) => s.phase);
  const current = useStore(controller.store, (s) => s.current);
  if (!current || !isBusy(phase)) return null;
  const total = current.total ?? 0;
  const done = current.runs.length;
  const steps = current.steps;
  const share = steps && steps.total > 0 ? steps.done / steps.total : total ? done / total : 0;
  return (
    <section className="study-progress" aria-label="Study progress">
      <p className="study-progress-line" role="status">
        {phase === 'starting'
          ? 'Starting the study worker…'
          : phase === 'cancelling'
            ? `Cancelling after the run in progress… ${done} of ${total} runs kept.`
            : `Runs done: ${done} of ${total}`}
        {current.backend ? ` · on ${current.backend}` : ''}
        {phase !== 'starting' ? ` · ${formatDuration(current.elapsed)} elapsed` : ''}
        {phase === 'running' && current.eta !== null ? ` · about ${formatDuration(current.eta)} left` : ''}
      </p>
      <progress
        className="study-progress-bar"
        max={1}
        value={share}
        aria-label={`Study progress: ${done} of ${total} runs done`}
      />
      {steps ? (
        <p className="field-note">
          {steps.done.toLocaleString('en-US')} of {steps.total.toLocaleString('en-US')} steps trained (all
          runs).
        </p>
      ) : null}
      <button type="button" onClick={() => controller.cancel()} disabled={phase !== 'running'}>
        Cancel (keep finished runs)
      </button>
    </section>
  );
}
