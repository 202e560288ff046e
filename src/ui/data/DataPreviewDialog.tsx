/**
 * The preview of an opened data file: what was read (rows × columns, the first rows), each column's
 * detected type and role, the split and standardisation, the engine's checks of the chosen setup (live,
 * one line each), and "Train on this data". Nothing leaves the machine; the dialog says so.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import {
  STARTING_BATCH,
  STARTING_LEARNING_RATE,
  STARTING_STEPS,
  STARTING_WIDTHS,
} from '../../state/data/data-config';
import { closePreview, setDataOptions, trainOnData } from '../../state/data/data-actions';
import { dataStore, type DataState } from '../../state/data/data-store';
import { setupSummary } from '../../state/data/roles';
import { InfoTip } from '../components/InfoTip';
import { ColumnsTable } from './ColumnsTable';
import { bytesText, countText } from './data-format';
import { FirstRows } from './FirstRows';
import { KeptClasses } from './KeptClasses';
import './data.css';

const DELIMITERS = { ',': 'comma-separated', '\t': 'tab-separated', ';': 'semicolon-separated' } as const;

const TEST_SHARE_HELP =
  'The rows held out to test the network: it never trains on them, so their accuracy or R² shows how well it does on data it has not seen. 20% is common; fewer test rows give noisier numbers.';
const STANDARDIZE_HELP =
  'Shift and scale each input (and each regression target) to mean 0 and standard deviation 1, using the training rows only. Inputs measured in grams and in millimetres then weigh alike, and training is faster. The charts show a regression loss also in the data’s own units (× std²).';
const MISSING_HELP =
  'A row with an empty cell (or NA, ?, …) in a column you chose: leave the row out, or refuse the file and name the first such row.';

/**
 * The rows a setup leaves out and why: " · 20 of 344 rows left out: 9 for a missing cell, 11 for an
 * unticked class (first: row 5)"; '' when every row is kept.
 */
function droppedText(check: NonNullable<DataState['check']>): string {
  if (check.dropped === 0) return '';
  const forClass = check.droppedForClass ?? 0;
  const forMissing = check.dropped - forClass;
  const why =
    forClass === 0
      ? ' for a missing cell'
      : forMissing === 0
        ? ' for an unticked class'
        : `: ${countText(forMissing)} for a missing cell, ${countText(forClass)} for an unticked class`;
  return ` · ${countText(check.dropped)} of ${countText(check.kept + check.dropped)} rows left out${why} (first: row ${check.firstDroppedRow ?? '?'})`;
}

export default function DataPreviewDialog() {
  const preview = useStore(dataStore, (s) => s.preview);
  const setup = useStore(dataStore, (s) => s.setup);
  const options = useStore(dataStore, (s) => s.options);
  const check = useStore(dataStore, (s) => s.check);
  const error = useStore(dataStore, (s) => s.error);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [preview]);
  if (!preview || !setup) return null;
  const { summary } = preview;
  const ready = check !== null && check.issues.length === 0;
  return (
    <div className="data-backdrop" onKeyDown={(e) => e.key === 'Escape' && closePreview()}>
      <div className="data-dialog" role="dialog" aria-modal="true" aria-labelledby="data-title">
        <h2 id="data-title" ref={title} tabIndex={-1}>
          Preview: {summary.name}
        </h2>
        <p className="data-facts">
          {countText(summary.rows)} rows × {summary.columns.length} columns · {bytesText(summary.bytes)} ·{' '}
          {DELIMITERS[preview.delimiter]}
        </p>
        <p className="data-private">
          Your data never leaves this computer: it is read here, in this browser, and kept only in this
          browser’s storage (“Your data”), nowhere else.
          {preview.isNew ? ' Cancel removes it again.' : ''}
        </p>
        {preview.storeNote ? <p className="data-warning">{preview.storeNote}</p> : null}

        <h3>Columns</h3>
        <ColumnsTable profiles={preview.profiles} setup={setup} />
        <p className="data-summary" aria-live="polite">
          {setupSummary(setup)}
          {check ? droppedText(check) : ''}
        </p>
        <KeptClasses profiles={preview.profiles} setup={setup} />

        <h3>First rows</h3>
        <FirstRows preview={preview} />

        <h3>Training</h3>
        <div className="data-options">
          <label>
            <span className="data-option-name">
              Test share <InfoTip text={TEST_SHARE_HELP} />
            </span>
            <select
              value={String(options.testShare)}
              onChange={(e) => setDataOptions({ testShare: Number(e.target.value) })}
            >
              {[0.1, 0.2, 0.3, 0.4, 0.5].map((s) => (
                <option key={s} value={s}>
                  {Math.round(s * 100)}% of the rows
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="data-option-name">
              Missing cells <InfoTip text={MISSING_HELP} />
            </span>
            <select
              value={options.missing}
              onChange={(e) => setDataOptions({ missing: e.target.value as 'drop-rows' | 'reject' })}
            >
              <option value="drop-rows">leave those rows out</option>
              <option value="reject">refuse the file</option>
            </select>
          </label>
          <label className="data-check">
            <input
              type="checkbox"
              checked={options.standardize}
              onChange={(e) => setDataOptions({ standardize: e.target.checked })}
            />
            Standardise inputs and regression targets <InfoTip text={STANDARDIZE_HELP} />
          </label>
        </div>
        <p className="field-note">
          Starts a shared-bottom network ({STARTING_WIDTHS.join('-')} units shared by every task, one output
          head per label), learning rate {STARTING_LEARNING_RATE}, {countText(STARTING_STEPS)} steps of up to{' '}
          {STARTING_BATCH} rows; change any of it in the controls afterwards.
        </p>

        {check === null ? <p className="field-note">Checking the setup…</p> : null}
        {check?.issues.length ? (
          <ul className="data-issues" role="alert">
            {check.issues.map((issue, i) => (
              <li key={i}>{issue}</li>
            ))}
          </ul>
        ) : null}
        {error ? (
          <p className="data-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="data-actions">
          <button type="button" className="primary" disabled={!ready} onClick={() => trainOnData()}>
            Train on this data
          </button>
          <button type="button" onClick={closePreview}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
