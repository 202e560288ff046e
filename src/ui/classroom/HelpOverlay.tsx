/** The `?` overlay: every keyboard shortcut, what it does, and how to close it. */
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';
import './classroom.css';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  // Focus moves into the dialog, so a screen reader announces it and Tab stays in reach of Close.
  useEffect(() => closeButton.current?.focus(), []);
  return (
    <div className="help-backdrop" onClick={onClose}>
      <div
        className="help-dialog card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="help-title">Keyboard shortcuts</h2>
        <p className="field-note">They work anywhere on the page, except while you type in a field.</p>
        <table className="help-keys">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.key}>
                <th scope="row">
                  <kbd>{s.label}</kbd>
                </th>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" ref={closeButton} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
