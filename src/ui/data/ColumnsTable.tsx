/**
 * The preview's column table: one row per column of the file (so 1,000 columns scroll down, not off the
 * side of a phone), with its detected type, missing cells, values, and the role select offering only the
 * roles the column allows.
 */
import type { ColumnProfile, CsvSetup } from '../../engine/tasks/csv/types';
import { setColumnRole } from '../../state/data/data-actions';
import { allowedRoles, ROLE_LABELS, roleOf, type ColumnRole } from '../../state/data/roles';
import { InfoTip } from '../components/InfoTip';
import { countText, TYPE_TEXT, valuesText } from './data-format';

const ROLE_HELP =
  'Input: a number the network reads. Label: what a task learns to predict from the inputs; each label column is one task. "Classes" predicts one of a few values (a species); "regression" predicts a number (miles per gallon). Ignored: left out.';

export function ColumnsTable({ profiles, setup }: { profiles: ColumnProfile[]; setup: CsvSetup }) {
  return (
    <div className="data-scroll data-columns-scroll">
      <table className="data-table data-columns">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Missing</th>
            <th scope="col">Values</th>
            <th scope="col">
              Role <InfoTip text={ROLE_HELP} />
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((p) => {
            const role = roleOf(setup, p.name);
            const roles = allowedRoles(p);
            return (
              <tr key={p.index} data-column={p.name}>
                <th scope="row">
                  {p.name}
                  {/* At phone width the type moves under the name (its own column is hidden). */}
                  <span className="data-type-inline">{TYPE_TEXT[p.type]}</span>
                </th>
                <td>{TYPE_TEXT[p.type]}</td>
                <td className={p.missing ? 'data-missing' : undefined}>
                  {p.missing ? countText(p.missing) : '–'}
                </td>
                <td>{valuesText(p)}</td>
                <td>
                  <select
                    aria-label={`Role of ${p.name}`}
                    value={role}
                    onChange={(e) => setColumnRole(p.name, e.target.value as ColumnRole)}
                  >
                    {(roles.includes(role) ? roles : [role, ...roles]).map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
