/**
 * The answer of a study: its table (grid point × task: mean ± 95% interval of the test metric and loss
 * over seeds, Δm% against the single-task baselines, whether the point is within seed noise of the first,
 * the best of each column marked), the Δm% chart, the Pareto plot for two tasks, and the exports.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { paretoData } from '../../state/study/pareto-points';
import { resultTable } from '../../state/study/results-table';
import type { StudyController } from '../../state/study/study-controller';
import { studyFile, studyFileName, studyTableText } from '../../state/study/study-file';
import { InfoTip } from '../components/InfoTip';
import { downloadText } from '../runs/download';
import { DeltaMChart } from './DeltaMChart';
import { ParetoChart } from './ParetoChart';

const NOISE_HELP =
  "Whether this row differs from the FIRST row by less than seed noise: the 95% interval of the seed-by-seed difference (of Δm%, or of the mean test loss without baselines) contains 0. 'yes' means these seeds cannot tell the two apart; more seeds may.";

export function StudyResults({ controller }: { controller: StudyController }) {
  const phase = useStore(controller.store, (s) => s.phase);
  const current = useStore(controller.store, (s) => s.current);
  const table = useMemo(
    () => (current?.summary ? resultTable(current.spec, current.summary, current.runs) : null),
    [current?.summary, current?.spec, current?.runs],
  );
  const pareto = useMemo(
    () => (current?.summary ? paretoData(current.spec, current.runs) : null),
    [current?.summary, current?.spec, current?.runs],
  );
  if (!current || !table || !current.summary) return null;
  // Cancelled, or stopped by an error: the numbers are those of the runs that finished.
  const stoppedEarly = phase === 'cancelled' || phase === 'error';
  const status = stoppedEarly ? 'cancelled' : 'finished';
  const firstLabel = table.rows[0]?.label ?? 'the first row';
  const download = (as: 'csv' | 'markdown') => {
    const text = studyTableText(current, as);
    if (text)
      downloadText(
        studyFileName(current, as === 'csv' ? 'csv' : 'md'),
        text,
        as === 'csv' ? 'text/csv' : 'text/markdown',
      );
  };
  return (
    <section className="study-results" aria-label="Study results">
      <h2>Results: {current.name}</h2>
      <p className="field-note">
        {current.runs.length} runs
        {stoppedEarly
          ? ` (${phase === 'error' ? 'stopped by an error' : 'cancelled'}: the numbers use the runs that finished${table.hasDeltaM && !table.baselinesRan ? '; Δm% needs the single-task baselines, which train last' : ''})`
          : ''}
        . Test split; mean ± 95% interval over seeds; the best of each column is{' '}
        <strong className="best-mark">bold ★</strong>.
      </p>
      <div className="study-table-wrap">
        <table className="study-table">
          <thead>
            <tr>
              <th scope="col">Setting</th>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" data-column={c.kind}>
                  {c.label}
                </th>
              ))}
              <th scope="col">
                Within noise of “{firstLabel}” <InfoTip text={NOISE_HELP} />
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr
                key={row.group}
                className={row.baseline ? 'study-baseline-row' : undefined}
                data-group={row.group}
              >
                <th scope="row">{row.label}</th>
                {table.columns.map((c) => {
                  const best = row.best.includes(c.key);
                  return (
                    <td key={c.key} data-column={c.kind} className={best ? 'best' : undefined}>
                      {row.cells[c.key]}
                      {best ? <span aria-label="best in column"> ★</span> : null}
                    </td>
                  );
                })}
                <td>
                  {row.baseline
                    ? 'reference'
                    : row.withinNoise === null
                      ? '(first row)'
                      : row.withinNoise
                        ? 'yes'
                        : 'no'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="study-exports" role="group" aria-label="Export the study">
        <span>Export:</span>
        <button type="button" onClick={() => download('csv')}>
          Table as CSV
        </button>
        <button type="button" onClick={() => download('markdown')}>
          Table as Markdown
        </button>
        <button
          type="button"
          onClick={() =>
            downloadText(studyFileName(current, 'json'), studyFile(current, status), 'application/json')
          }
        >
          Study as JSON
        </button>
      </div>
      <div className="study-charts">
        {table.hasDeltaM ? <DeltaMChart spec={current.spec} summary={current.summary} /> : null}
        {pareto ? <ParetoChart data={pareto} /> : null}
      </div>
    </section>
  );
}
