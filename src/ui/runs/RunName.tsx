/** A run's name: click (or Enter on it) to edit inline; Enter saves, Esc or leaving the field cancels. */
import { useState } from 'react';

export function RunName({ name, onRename }: { name: string; onRename: (name: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null)
    return (
      <button type="button" className="run-name" title="Click to rename" onClick={() => setDraft(name)}>
        {name}
      </button>
    );
  return (
    <input
      type="text"
      className="run-name-input"
      aria-label="Run name (Enter saves, Esc cancels)"
      value={draft}
      maxLength={200}
      autoFocus
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => setDraft(null)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setDraft(null);
        if (e.key !== 'Enter') return;
        if (draft.trim() && draft.trim() !== name) onRename(draft);
        setDraft(null);
      }}
    />
  );
}
