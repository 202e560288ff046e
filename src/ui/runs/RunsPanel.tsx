/**
 * The stored runs, above the charts: a collapsible "Runs (N)" list (every run the app trained and kept,
 * imported ones too), with overlay, export, rename, delete with undo, import by file picker or drop, a
 * study filter, the resume offer for an interrupted run, and one error line (a full disk, a bad file).
 */
import { useMemo, useRef, useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import { runsStore, type RunsStore } from '../../state/runs/runs-store';
import type { PlaygroundStore } from '../../state/store';
import { InfoTip } from '../components/InfoTip';
import { ResumeBanner } from './ResumeBanner';
import { RunRow } from './RunRow';
import './runs.css';

const ALL = '';
const NO_STUDY = '-';

const INFO =
  'Every run you train is kept in this browser (IndexedDB) when it finishes, diverges, or is stopped by Reset or a new experiment: its config, every report and its final numbers. Tick "overlay" to draw a kept run on the charts beside the live one; export it as JSON (to import elsewhere), CSV or a Python script.';

async function importFiles(runs: RunsStore, files: FileList | null | undefined): Promise<void> {
  for (const file of Array.from(files ?? [])) await runs.getState().import(await file.text(), file.name);
}

export function RunsPanel({ store, runs = runsStore }: { store: PlaygroundStore; runs?: RunsStore }) {
  const list = useStore(runs, (s) => s.runs);
  const overlay = useStore(runs, (s) => s.overlay);
  const error = useStore(runs, (s) => s.error);
  const notice = useStore(runs, (s) => s.notice);
  const deleted = useStore(runs, (s) => s.deleted);
  const studies = useStore(runs, (s) => s.studies);
  const [open, setOpen] = useState(true);
  const [study, setStudy] = useState(ALL);
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const studyIds = useMemo(() => [...new Set(list.flatMap((r) => (r.study ? [r.study.id] : [])))], [list]);
  const studyName = (id: string) => studies.find((s) => s.id === id)?.name ?? id;
  const shown = list.filter((r) =>
    study === ALL ? true : study === NO_STUDY ? !r.study : r.study?.id === study,
  );
  const overlaid = new Set(overlay.map((r) => r.id));

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void importFiles(runs, e.dataTransfer.files);
  };

  return (
    <section
      className={`runs-panel${dragging ? ' runs-dragging' : ''}`}
      aria-label="Kept runs"
      onDragOver={(e) => (e.preventDefault(), setDragging(true))}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <ResumeBanner store={store} runs={runs} />
      <div className="runs-header">
        <button type="button" className="runs-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? '▾' : '▸'} Runs ({list.length})
        </button>
        <InfoTip text={INFO} />
        {open ? (
          <div className="runs-tools">
            {studyIds.length ? (
              <label className="runs-filter">
                Show{' '}
                <select value={study} onChange={(e) => setStudy(e.target.value)}>
                  <option value={ALL}>all runs</option>
                  <option value={NO_STUDY}>runs outside studies</option>
                  {studyIds.map((id) => (
                    <option key={id} value={id}>
                      study: {studyName(id)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <button
              type="button"
              title="Import runs exported as JSON (or drop the file here)"
              onClick={() => picker.current?.click()}
            >
              Import…
            </button>
            <input
              ref={picker}
              type="file"
              accept=".json,application/json"
              multiple
              hidden
              aria-label="Run file to import"
              onChange={(e) => void importFiles(runs, e.target.files).then(() => (e.target.value = ''))}
            />
          </div>
        ) : null}
      </div>
      {error ? (
        <div className="banner banner-error runs-error" role="alert">
          <span>{error}</span>
          <button type="button" onClick={() => runs.getState().dismissError()}>
            Dismiss
          </button>
        </div>
      ) : null}
      {open && notice ? (
        <p className="runs-notice" role="status">
          {notice}{' '}
          {deleted ? (
            <button type="button" onClick={() => void runs.getState().undoDelete()}>
              Undo
            </button>
          ) : null}
        </p>
      ) : null}
      {open ? (
        list.length === 0 ? (
          <p className="runs-empty">
            No runs kept yet. A run is one training of one experiment: press <strong>Train</strong>, and when
            you press <strong>Reset</strong>, load a preset or change the task or model, the run so far is
            kept here with its curves and final numbers, ready to compare, overlay or export. You can also
            drop an exported run file here.
          </p>
        ) : (
          <ul className="runs-list">
            {shown.map((run) => (
              <RunRow key={run.id} run={run} runs={runs} overlaid={overlaid.has(run.id)} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
