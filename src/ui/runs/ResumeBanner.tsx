/** After a reload (or a crashed tab): offer to continue the run that was training, from its checkpoint. */
import { useStore } from 'zustand';
import { discardCheckpoint, resumeCheckpoint } from '../../state/runs/connect-runs';
import type { RunsStore } from '../../state/runs/runs-store';
import type { PlaygroundStore } from '../../state/store';

export function ResumeBanner({ store, runs }: { store: PlaygroundStore; runs: RunsStore }) {
  const resumable = useStore(runs, (s) => s.resumable);
  const starting = useStore(store, (s) => s.status === 'starting');
  if (!resumable) return null;
  return (
    <div className="banner banner-notice runs-resume" role="region" aria-label="Interrupted run">
      <span>
        The run “{resumable.name}” was interrupted at step {resumable.step.toLocaleString()}. Its model,
        optimizer and method state were saved: it can go on exactly where it stopped.
      </span>
      <button type="button" className="primary" disabled={starting} onClick={() => void resumeCheckpoint()}>
        Resume run “{resumable.name}” at step {resumable.step.toLocaleString()}
      </button>
      <button
        type="button"
        title="Keep what it trained as a stopped run in the list, and forget the checkpoint"
        onClick={() => void discardCheckpoint()}
      >
        Discard
      </button>
    </div>
  );
}
