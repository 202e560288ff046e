/**
 * A run's export menu: the stored record as JSON (what Import reads back), its reports as CSV (one row per
 * report and task, for a spreadsheet or pandas), and a Python script that re-runs its config with PyTorch
 * (engine/export/python-script.ts).
 */
import { useState } from 'react';
import type { RunRecord } from '../../engine/study/types';
import type { RunsStore } from '../../state/runs/runs-store';
import { downloadText } from './download';

type Format = 'json' | 'csv' | 'py';

const FORMATS: { format: Format; label: string; hint: string }[] = [
  {
    format: 'json',
    label: 'JSON (run file)',
    hint: 'The whole run: config, every report, final numbers. Import reads it back.',
  },
  {
    format: 'csv',
    label: 'CSV (per step and task)',
    hint: 'One row per report and task: losses, metrics, weight, gradient norm.',
  },
  {
    format: 'py',
    label: 'Python script (PyTorch)',
    hint: 'run.py: the same data, model, method, optimizer and seed in PyTorch, to train at scale (python run.py).',
  },
];

/**
 * Download the run as `format`; a config the Python port cannot reproduce gives its one-line reason.
 */
async function write(run: RunRecord, format: Format): Promise<string | null> {
  // Each writer loads on first use: the page's first bundle has a size budget (papaparse, the checks).
  const { runFile, runFileName } = await import('../../state/runs/run-file');
  if (format === 'json') downloadText(runFileName(run, 'json'), runFile(run), 'application/json');
  else if (format === 'csv') {
    const { runCsv } = await import('../../state/runs/run-csv');
    downloadText(runFileName(run, 'csv'), runCsv(run), 'text/csv');
  } else {
    const { PythonExportError, pythonScript, pythonScriptName } =
      await import('../../engine/export/python-script');
    try {
      downloadText(pythonScriptName(run.config), pythonScript(run.config), 'text/x-python');
    } catch (error) {
      if (!(error instanceof PythonExportError)) throw error;
      return `No Python script for "${run.name}": ${error.message}`;
    }
  }
  return null;
}

export function ExportMenu({ runs, id, name }: { runs: RunsStore; id: string; name: string }) {
  const [open, setOpen] = useState(false);
  const exportAs = async (format: Format) => {
    setOpen(false);
    const run = await runs.getState().fetch(id);
    const problem = run ? await write(run, format) : null;
    if (problem) runs.setState({ error: problem });
    if (!run) runs.setState({ error: `The run "${name}" is no longer stored; nothing to export.` });
  };
  return (
    <div className="runs-menu">
      <button type="button" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen((o) => !o)}>
        Export ▾
      </button>
      {open ? (
        <div className="runs-menu-items" role="menu" aria-label={`Export ${name}`}>
          {FORMATS.map((f) => (
            <button
              key={f.format}
              type="button"
              role="menuitem"
              title={f.hint}
              onClick={() => void exportAs(f.format)}
            >
              {f.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
