/** Studies kept in this browser (IndexedDB), newest first: open one to read its table and charts again. */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { StudyController } from '../../state/study/study-controller';
import { isBusy } from '../../state/study/study-store';

const STATUS: Record<string, string> = {
  running: 'interrupted',
  finished: 'finished',
  cancelled: 'cancelled',
};

export function PastStudies({ controller }: { controller: StudyController }) {
  const stored = useStore(controller.store, (s) => s.stored);
  const phase = useStore(controller.store, (s) => s.phase);
  const currentId = useStore(controller.store, (s) => s.current?.id);
  useEffect(() => void controller.refreshStored(), [controller]);
  if (stored.length === 0) return null;
  return (
    <section className="study-past" aria-label="Past studies">
      <h2>Past studies</h2>
      <ul>
        {stored.map((s) => (
          <li key={s.id}>
            {s.id === currentId ? (
              <span className="study-shown">Shown above</span>
            ) : (
              <button type="button" disabled={isBusy(phase)} onClick={() => void controller.reopen(s.id)}>
                Open
              </button>
            )}{' '}
            <strong>{s.name}</strong>{' '}
            <span className="field-note">
              {new Date(s.createdAt).toLocaleString()} · {s.runIds.length} of {s.planned} runs ·{' '}
              {STATUS[s.status]}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
