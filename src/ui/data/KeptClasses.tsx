/**
 * "Classes to keep": for each label column learned as classes, its values as checkboxes, all ticked at
 * first. Unticking one leaves that class's rows out of training (the worker's check recounts the rows left
 * out, and with fewer than 2 ticked says why in one line and "Train on this data" stays disabled).
 */
import type { ColumnProfile, CsvSetup } from '../../engine/tasks/csv/types';
import { setClassKept } from '../../state/data/data-actions';
import { classValues, keptClasses } from '../../state/data/roles';
import { InfoTip } from '../components/InfoTip';
import './kept-classes.css';

const KEEP_HELP =
  'Untick a class to leave its rows out: e.g. to train on two species only. The network then learns to tell the ticked classes apart, and its outputs are those classes only. At least 2 must stay ticked.';

export function KeptClasses({ profiles, setup }: { profiles: ColumnProfile[]; setup: CsvSetup }) {
  const labels = setup.labels
    .filter((l) => l.kind === 'classes')
    .map((l) => profiles.find((p) => p.name === l.column))
    .filter((p): p is ColumnProfile => p !== undefined && p.canClassify);
  if (labels.length === 0) return null;
  return (
    <div className="kept-classes">
      <h3>
        Classes to keep <InfoTip text={KEEP_HELP} />
      </h3>
      {labels.map((p) => {
        const kept = new Set(keptClasses(setup, p));
        const values = classValues(p);
        return (
          <fieldset key={p.name} className="kept-classes-label" data-label={p.name}>
            <legend>
              {p.name}{' '}
              <span className="kept-classes-count">
                ({kept.size} of {values.length} kept)
              </span>
            </legend>
            {values.map((value) => (
              <label key={value} className="kept-classes-value">
                <input
                  type="checkbox"
                  checked={kept.has(value)}
                  aria-label={`Keep ${p.name}: ${value}`}
                  onChange={(e) => setClassKept(p.name, value, e.target.checked)}
                />
                {value}
              </label>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}
