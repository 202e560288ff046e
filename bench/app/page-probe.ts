/**
 * What the app bench installs in the page before any of the app's scripts run: a MutationObserver that
 * stamps (performance.now(), ms since navigation) the moments the Train button becomes enabled and the loss
 * chart shows its first drawn series, and a buffered long-task observer. Stamping inside the page, from DOM
 * mutations, measures what a user sees without the 10-100 ms jitter of polling from Node over CDP.
 *
 * This function is serialised into the page by playwright (`addInitScript`), so it must not close over
 * anything from this module.
 */
export interface ProbeState {
  /** When the Train button became enabled after being disabled or absent (since load, or since a rearm). */
  trainable: number | null;
  /** First time, after `armFirstPoint()`, that the loss chart was ready with a drawn series. */
  firstPoint: number | null;
  /** When `armFirstPoint()` was called (the click on Train). */
  armedAt: number | null;
  longTasks: { start: number; duration: number }[];
  /**
   * Frames that blocked input (Chromium's long-animation-frame entries with a blocking duration), with the
   * scripts that ran in them: what a long task was, named by its invoker and source position.
   */
  longFrames: LongFrame[];
}

export interface LongFrame {
  start: number;
  duration: number;
  /** Of it, the style, layout and paint at the frame's end (ms). */
  renderMs: number;
  scripts: { invoker: string; source: string; ms: number; forcedLayoutMs: number }[];
}

export interface ProbeWindow {
  __probe: ProbeState;
  /** Clears `trainable` so that the next disabled -> enabled transition is stamped (a backend switch). */
  __probeRearmTrainable: () => void;
  /** Stamps now, clicks Train, and waits for the first chart point. */
  __probeClickTrain: () => boolean;
}

/** The little of the DOM the probe touches, typed here: bench/ compiles without the DOM library. */
export interface MiniElement {
  textContent: string | null;
  disabled?: boolean;
  click(): void;
  getAttribute(name: string): string | null;
  querySelector(selector: string): MiniElement | null;
  querySelectorAll(selector: string): Iterable<MiniElement>;
}
export interface MiniDom {
  document: MiniElement;
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: Record<string, boolean>): void;
  };
  PerformanceObserver: (new (
    callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void,
  ) => { observe(options: { type: string; buffered: boolean }): void }) & {
    supportedEntryTypes?: readonly string[];
  };
}

export function installProbe(): void {
  const w = globalThis as unknown as ProbeWindow;
  const { document, MutationObserver, PerformanceObserver } = globalThis as unknown as MiniDom;
  const state: ProbeState = {
    trainable: null,
    firstPoint: null,
    armedAt: null,
    longTasks: [],
    longFrames: [],
  };
  w.__probe = state;
  // Absent counts as disabled: the first enabled Train after load is stamped; after a rearm, only one that
  // was disabled in between (the switch has started) counts.
  let sawDisabled = true;
  const trainButton = () =>
    Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Train') ?? null;
  /**
   * What the loss chart shows now: null while not ready or empty, else its painted plot's lines, rows and
   * last step (the attributes TimeSeriesChart writes with each paint). A chart already showing something
   * at the click (a report at step 0 after a backend switch) has not drawn the new run's first point until
   * this changes.
   */
  const lossSignature = (): string | null => {
    const plot = document.querySelector('[data-chart="loss"][data-ready="true"] [data-points]');
    const [series, points, last] = ['data-series', 'data-points', 'data-last-step'].map(
      (a) => plot?.getAttribute(a) ?? '0',
    );
    return series === '0' || points === '0' ? null : `${series}:${points}:${last}`;
  };
  let armedSignature: string | null = null;
  const check = () => {
    const button = trainButton();
    const enabled = button !== null && !button.disabled;
    if (!enabled) sawDisabled = true;
    else if (sawDisabled && state.trainable === null) state.trainable = performance.now();
    if (state.armedAt !== null && state.firstPoint === null) {
      const signature = lossSignature();
      if (signature !== null && signature !== armedSignature) state.firstPoint = performance.now();
    }
  };
  w.__probeRearmTrainable = () => {
    state.trainable = null;
    sawDisabled = false;
  };
  w.__probeClickTrain = () => {
    const button = trainButton();
    if (!button || button.disabled) return false;
    armedSignature = lossSignature();
    state.armedAt = performance.now();
    button.click();
    return true;
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Chromium 123+; elsewhere the long tasks stay unexplained.
  if (!PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) return;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as LoafEntry[]) {
      if (!(e.blockingDuration > 0)) continue;
      state.longFrames.push({
        start: e.startTime,
        duration: e.duration,
        renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
        scripts: e.scripts.map((x) => ({
          invoker: `${x.invokerType} ${x.invoker}${x.sourceFunctionName ? ` ${x.sourceFunctionName}` : ''}`,
          source: `${x.sourceURL.split('/').pop() ?? ''}:${x.sourceCharPosition}`,
          ms: x.duration,
          forcedLayoutMs: x.forcedStyleAndLayoutDuration,
        })),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

/** The fields of a long-animation-frame entry the probe reads. */
interface LoafEntry {
  startTime: number;
  duration: number;
  blockingDuration: number;
  renderStart: number;
  scripts: {
    invoker: string;
    invokerType: string;
    sourceURL: string;
    sourceFunctionName: string;
    sourceCharPosition: number;
    duration: number;
    forcedStyleAndLayoutDuration: number;
  }[];
}
