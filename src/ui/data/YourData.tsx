/**
 * "Your data": the data files kept in this browser (name, rows, columns, size, when added), each with Use
 * (opens the preview again) and Delete (after a confirmation), and "Open data file…" (the picker, for
 * those who do not drag). The list reads IndexedDB; nothing here is uploaded.
 */
import { useStore } from 'zustand';
import { deleteDataset, openStored } from '../../state/data/data-actions';
import { dataStore } from '../../state/data/data-store';
import { InfoTip } from '../components/InfoTip';
import { bytesText, countText, dateText } from './data-format';
import { OpenDataButton } from './OpenDataButton';
import './data.css';

const HELP =
  'Train on your own table: a CSV or TSV file with a header row, one row per example. Pick which columns the network reads (inputs) and which it predicts (labels: one task each). Files stay in this browser.';

export function YourData() {
  const datasets = useStore(dataStore, (s) => s.datasets);
  const remove = (hash: string, name: string) => {
    if (
      window.confirm(
        `Delete "${name}" from this browser? Runs trained on it keep their records, but cannot train again until you drop the file again.`,
      )
    )
      void deleteDataset(hash);
  };
  return (
    <section className="your-data" aria-labelledby="your-data-title">
      <div className="your-data-head">
        <h2 id="your-data-title">Your data</h2>
        <InfoTip text={HELP} />
        <OpenDataButton />
      </div>
      {datasets.length === 0 ? (
        <p className="field-note">No files yet: drop a CSV or TSV file anywhere on the page, or open one.</p>
      ) : (
        <table className="data-table your-data-list">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Rows</th>
              <th scope="col">Columns</th>
              <th scope="col">Size</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="data-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => (
              <tr key={d.hash} data-dataset={d.name}>
                <th scope="row" title={`content hash ${d.hash}`}>
                  {d.name}
                </th>
                <td>{countText(d.rows)}</td>
                <td>{d.columns.length}</td>
                <td>{bytesText(d.bytes)}</td>
                <td>{dateText(d.addedAt)}</td>
                <td className="your-data-buttons">
                  <button type="button" onClick={() => openStored(d.hash)} aria-label={`Use ${d.name}`}>
                    Use
                  </button>
                  <button
                    type="button"
                    onClick={() => remove(d.hash, d.name)}
                    aria-label={`Delete ${d.name}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
