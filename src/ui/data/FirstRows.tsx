/** The preview's first rows of the file as they are (at most 30 columns wide; the column table has all). */
import type { DataPreview } from '../../worker/data/data-protocol';

const SHOWN_COLUMNS = 30;

export function FirstRows({ preview }: { preview: DataPreview }) {
  const columns = preview.summary.columns.slice(0, SHOWN_COLUMNS);
  const hidden = preview.summary.columns.length - columns.length;
  return (
    <>
      <div className="data-scroll data-rows-scroll">
        <table className="data-table data-rows">
          <thead>
            <tr>
              <th scope="col">row</th>
              {columns.map((c, i) => (
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.head.map((cells, r) => (
              <tr key={r}>
                {/* Spreadsheet numbering, as every message names rows: the header is row 1. */}
                <th scope="row">{r + 2}</th>
                {cells.slice(0, SHOWN_COLUMNS).map((cell, c) => (
                  <td key={c} className={cell.trim() === '' ? 'data-missing' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 ? (
        <p className="field-note">and {hidden} more columns (all are in the column table)</p>
      ) : null}
    </>
  );
}
