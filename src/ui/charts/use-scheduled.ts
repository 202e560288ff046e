/**
 * A chart's view of the store through a transient subscription (scheduled-selection.ts): a change of the
 * chart's own selection renders that one chart synchronously (flushSync) inside its frame slot, so the
 * scheduler's budget measures the real cost and no other component re-renders with it.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PlaygroundState, PlaygroundStore } from '../../state/store';
import { createFrameScheduler, type FrameScheduler, type SchedulerClock } from './frame-scheduler';
import { watchSelection } from './scheduled-selection';

/**
 * The least time between two redraws of one chart (reports arrive every 100 ms). A Recharts time chart's
 * redraw costs about 5-20 ms of main-thread CPU (issue 11, measured in a production build), so the 8 ms
 * budget lets one such chart run per frame and the next one waits for the next frame.
 */
export const REFRESH_MS = 250;

/** The page's clock: animation frames, performance.now and timers. */
const browserClock: SchedulerClock = {
  now: () => performance.now(),
  requestFrame: (run) => requestAnimationFrame(() => run()),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Every live chart of the page shares one scheduler, so that one frame's budget covers them all. */
export const chartScheduler: FrameScheduler = createFrameScheduler(browserClock, {
  budgetMs: 8,
  minIntervalMs: REFRESH_MS,
});

export interface ScheduledOptions<T> {
  /** Whether a change must show at once (a reset), skipping the refresh interval. */
  urgent?: (next: T, shown: T) => boolean;
  scheduler?: FrameScheduler;
}

/**
 * `select(state)`, updated at most once per frame and per REFRESH_MS under `key`. `select` and `urgent`
 * must be stable (module-level functions): the subscription is made once per store and key.
 */
export function useScheduledSelection<T>(
  store: PlaygroundStore,
  select: (state: PlaygroundState) => T,
  key: string,
  options: ScheduledOptions<T> = {},
): T {
  const { urgent, scheduler = chartScheduler } = options;
  const [value, setValue] = useState(() => select(store.getState()));
  useEffect(() => {
    const shown = select(store.getState());
    // What changed between the first render and this subscription shows at once.
    setValue(() => shown);
    const apply = (next: T) => flushSync(() => setValue(() => next));
    return watchSelection({ store, select, key, scheduler, apply, urgent }, shown);
  }, [store, key, select, urgent, scheduler]);
  return value;
}
