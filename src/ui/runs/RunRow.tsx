/**
 * One stored run in the list: its name (renamable), what it trained (method, sharing, task), each task's
 * final test metric, how it ended, the shape of its loss, and what can be done with it (overlay it on the
 * charts, export it, delete it).
 */
import type { RunSummary, RunsStore } from '../../state/runs/runs-store';
import { ExportMenu } from './ExportMenu';
import { RunName } from './RunName';
import { Sparkline } from './Sparkline';

const STATUS_TEXT: Record<RunSummary['status'], { label: string; hint: string }> = {
  finished: { label: 'finished', hint: 'Trained all its configured steps.' },
  stopped: {
    label: 'stopped',
    hint: 'Stopped before its configured steps (reset, a new experiment, or the page closed).',
  },
  diverged: {
    label: 'diverged',
    hint: 'Stopped because a loss or gradient blew up (see the export for the reason).',
  },
  running: {
    label: 'running',
    hint: 'Still training (or interrupted: it can be resumed from its checkpoint).',
  },
};

const format = (v: number) =>
  Number.isFinite(v) ? (Math.abs(v) >= 1000 ? v.toExponential(2) : v.toPrecision(3)) : '—';

export function RunRow({ run, runs, overlaid }: { run: RunSummary; runs: RunsStore; overlaid: boolean }) {
  const status = STATUS_TEXT[run.status];
  return (
    <li className="run-row" data-run-id={run.id}>
      <div className="run-main">
        <RunName name={run.name} onRename={(name) => void runs.getState().rename(run.id, name)} />
        <span className={`run-status run-status-${run.status}`} title={status.hint}>
          {status.label}
        </span>
        <span className="run-what">
          {run.method} · {run.architecture} · {run.task} · step {run.step.toLocaleString()}
        </span>
      </div>
      <ul className="run-metrics" aria-label="Final test metric per task">
        {run.finalMetrics.map((m) => (
          <li key={m.task}>
            {m.task}: <strong>{format(m.value)}</strong> <span className="run-metric-label">{m.label}</span>
          </li>
        ))}
      </ul>
      <Sparkline values={run.sparkline} />
      <div className="run-actions">
        <label
          className="run-overlay"
          title="Draw this run's curves on the charts beside the live run (up to 6)"
        >
          <input
            type="checkbox"
            checked={overlaid}
            onChange={() => void runs.getState().toggleOverlay(run.id)}
          />{' '}
          overlay
        </label>
        <ExportMenu runs={runs} id={run.id} name={run.name} />
        <button
          type="button"
          className="run-delete"
          aria-label={`Delete ${run.name}`}
          title="Delete this run (Undo brings it back)"
          onClick={() => void runs.getState().delete(run.id)}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
