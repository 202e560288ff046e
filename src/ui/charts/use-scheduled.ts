/**
 * A chart's view of the store through a transient subscription (scheduled-selection.ts): a change of the
 * chart's own selection renders that one chart synchronously (flushSync) inside its frame slot, so the
 * scheduler's budget measures the real cost and no other component re-renders with it.
 */
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PlaygroundState, PlaygroundStore } from '../../state/store';
import { createFrameScheduler, type FrameScheduler, type SchedulerClock } from './frame-scheduler';
import { watchSelection } from './scheduled-selection';

/**
 * The least time between two redraws of one chart (reports arrive every 100-250 ms). A time chart's redraw
 * (its card's rows, the scene, the canvas paint) costs a few ms of main-thread CPU, and a picture chart's
 * about 1 ms (issue 11, docs/benchmarks.md); the 8 ms budget lets a frame take a few of them and leaves
 * the rest to the next frame. Twice a second rather than four times halves what the charts allocate (with
 * Recharts it was 28 vs 15 MB/s with MMoE training), and with it the garbage collections.
 */
export const REFRESH_MS = 500;

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

/**
 * Whether the charts under it are on screen. Parked charts (ui/panels/ParkedCharts.tsx: mounted on every
 * tab, shown on one) stop following the store while hidden, so a run training behind another tab costs the
 * page nothing; shown again, each catches up in its own frame slot.
 */
export const ChartsShownContext = createContext(true);

export interface ScheduledOptions<T> {
  /** Whether a change must show at once (a reset), skipping the refresh interval. */
  urgent?: (next: T, shown: T) => boolean;
  scheduler?: FrameScheduler;
}

/**
 * `select(state)`, updated at most once per frame and per REFRESH_MS under `key`, and not at all while the
 * charts are hidden (ChartsShownContext). `select` and `urgent` must be stable (module-level functions):
 * the subscription is made once per store and key.
 */
export function useScheduledSelection<T>(
  store: PlaygroundStore,
  select: (state: PlaygroundState) => T,
  key: string,
  options: ScheduledOptions<T> = {},
): T {
  const { urgent, scheduler = chartScheduler } = options;
  const visible = useContext(ChartsShownContext);
  const [value, setValue] = useState(() => select(store.getState()));
  const displayed = useRef(value);
  useEffect(() => {
    displayed.current = value;
  }, [value]);
  useEffect(() => {
    if (!visible) return;
    const apply = (next: T) => flushSync(() => setValue(() => next));
    const shown = displayed.current;
    // What changed since this chart last drew (since its first render, or while it was hidden) is drawn
    // in its next frame slot: charts shown again catch up one per frame, not all in one task.
    if (!Object.is(select(store.getState()), shown))
      scheduler.request(key, () => apply(select(store.getState())), true);
    return watchSelection({ store, select, key, scheduler, apply, urgent }, shown);
  }, [store, key, select, urgent, scheduler, visible]);
  return value;
}
