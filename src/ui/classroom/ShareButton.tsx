/** "Share this view": opens the share form (ShareView.tsx, loaded on first use: most visits never open it). */
import { lazy, Suspense, useState } from 'react';
import type { PlaygroundStore } from '../../state/store';

const ShareDialog = lazy(() => import('./ShareView').then((m) => ({ default: m.ShareDialog })));

export function ShareButton({ store }: { store: PlaygroundStore }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Share this view
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ShareDialog store={store} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
