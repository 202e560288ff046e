/**
 * Drop a data file anywhere on the page: while a file is dragged over the window an overlay says what a
 * drop does; the dropped file goes to the data worker, whose progress and (for a bad file) one-line error
 * show in a bar at the top. The preview dialog opens when the file is read.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { dismissDataError, openFile } from '../../state/data/data-actions';
import { dataStore } from '../../state/data/data-store';
import DataPreviewDialog from './DataPreviewDialog';
import './data.css';

/** Only files are ours to take: dragged text or links keep their usual behaviour. */
const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

function useFileDrag(): boolean {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them, the overlay goes at zero.
  const depth = useRef(0);
  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setOver(true);
    };
    const overHandler = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // without this the browser opens the file in the tab
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) openFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return over;
}

export function DataDrop() {
  const over = useFileDrag();
  const reading = useStore(dataStore, (s) => s.reading);
  const error = useStore(dataStore, (s) => s.error);
  const previewOpen = useStore(dataStore, (s) => s.preview !== null);
  return (
    <>
      {over ? (
        <div className="data-drop-overlay" aria-hidden>
          <p>Drop a CSV or TSV file to train on it</p>
          <p className="data-drop-sub">It stays on this computer.</p>
        </div>
      ) : null}
      {reading ? (
        <div className="data-bar" role="status">
          Reading {reading.name}… {Math.round(reading.fraction * 100)}%
          <progress max={1} value={reading.fraction} aria-label={`Reading ${reading.name}`} />
        </div>
      ) : null}
      {/* With the dialog open, its own error line says it. */}
      {error && !previewOpen ? (
        <div className="data-bar data-bar-error" role="alert">
          <span className="data-bar-text">{error}</span>
          <button type="button" onClick={dismissDataError} aria-label="Dismiss this message">
            ×
          </button>
        </div>
      ) : null}
      {previewOpen ? <DataPreviewDialog /> : null}
    </>
  );
}
