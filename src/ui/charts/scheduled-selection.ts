/**
 * The transient subscription behind every live chart: the store's changes are watched outside React
 * (zustand `subscribe`), and only a change of the chart's own selection asks the frame scheduler for an
 * update; the update reads the state as it is by then, so many changes before the chart's turn cost one.
 * No DOM and no React here (use-scheduled.ts wraps it in a hook), so it is tested in Node.
 */
import type { PlaygroundState, PlaygroundStore } from '../../state/store';
import type { FrameScheduler } from './frame-scheduler';

export interface SelectionWatch<T> {
  store: PlaygroundStore;
  select: (state: PlaygroundState) => T;
  /** The scheduler key: one per chart on the page. */
  key: string;
  scheduler: FrameScheduler;
  /** Shows a new selection (in the chart's frame slot). */
  apply: (value: T) => void;
  /** Whether a change must show at once (a reset), skipping the refresh interval. */
  urgent?: ((next: T, shown: T) => boolean) | undefined;
}

/** Starts watching; `shown` is what the chart shows now. Returns the unsubscribe (it also drops a queued update). */
export function watchSelection<T>(watch: SelectionWatch<T>, shown: T): () => void {
  const { store, select, key, scheduler, apply, urgent } = watch;
  const update = () => {
    shown = select(store.getState());
    apply(shown);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const next = select(state);
    if (Object.is(next, select(previous))) return;
    scheduler.request(key, update, urgent?.(next, shown) ?? false);
  });
  return () => {
    unsubscribe();
    scheduler.cancel(key);
  };
}
