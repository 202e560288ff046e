/**
 * "Open data file…": the file picker for a CSV or TSV file, for those who do not drag one onto the page.
 * Used by "Your data", and placeable wherever the task is chosen.
 */
import { useRef } from 'react';
import { openFile } from '../../state/data/data-actions';
import './data.css';

export function OpenDataButton({ className = 'your-data-open' }: { className?: string }) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => picker.current?.click()}>
        Open data file…
      </button>
      <input
        ref={picker}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
        hidden
        aria-label="Data file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) openFile(file);
          e.target.value = ''; // the same file again is a new choice
        }}
      />
    </>
  );
}
