/**
 * Spreads chart updates over animation frames so that no main-thread task grows long (issue 11: a report
 * used to redraw every chart in one task of 100-1600 ms). Each chart asks under its own key:
 * - asking again before its turn replaces the task, so N reports within a frame cause one update;
 * - a key that ran less than `minIntervalMs` ago waits out the rest (charts refresh at a bounded rate
 *   however fast reports arrive), unless the request is urgent (a reset must show at once); keys whose
 *   waits end close together are released together, so the charts of one refresh share frames;
 * - a frame runs queued keys in request order until `budgetMs` is spent, at least one, and leaves the
 *   rest to the next frame, so one refresh of many charts is many short tasks, not one long one.
 * The clock is a parameter: the page passes requestAnimationFrame and timers, tests a manual clock.
 */

export interface SchedulerClock {
  now(): number;
  requestFrame(run: () => void): void;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface SchedulerOptions {
  /** Milliseconds of tasks per frame before the rest waits for the next frame (one task always runs). */
  budgetMs?: number;
  /** Least time between two runs of one key (less at most `groupMs`, see below). */
  minIntervalMs?: number;
  /** A waiting key due within this much of another's release goes with it. Default minIntervalMs / 4. */
  groupMs?: number;
}

export interface FrameScheduler {
  request(key: string, task: () => void, urgent?: boolean): void;
  /** Drops the key's queued or waiting task (a chart that unmounts). */
  cancel(key: string): void;
  /** Keys queued for a frame or waiting out their interval. */
  readonly pending: number;
}

export function createFrameScheduler(clock: SchedulerClock, options: SchedulerOptions = {}): FrameScheduler {
  const { budgetMs = 8, minIntervalMs = 0, groupMs = minIntervalMs / 4 } = options;
  const queued = new Map<string, () => void>();
  const waiting = new Map<string, { task: () => void; due: number }>();
  const lastRun = new Map<string, number>();
  let frameAsked = false;
  let timer: unknown = null;

  const askFrame = () => {
    if (frameAsked || !queued.size) return;
    frameAsked = true;
    clock.requestFrame(runFrame);
  };

  function enqueue(key: string, task: () => void): void {
    // Map.set keeps a queued key's place: a chart asking again does not lose its turn.
    queued.set(key, task);
    askFrame();
  }

  function runFrame(): void {
    frameAsked = false;
    const start = clock.now();
    try {
      for (const key of [...queued.keys()]) {
        const task = queued.get(key);
        if (!task) continue;
        queued.delete(key);
        lastRun.set(key, clock.now());
        task();
        if (clock.now() - start >= budgetMs) break;
      }
    } finally {
      askFrame();
    }
  }

  /** One timer, for the earliest waiting key. */
  function arm(): void {
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
    if (!waiting.size) return;
    let due = Infinity;
    for (const w of waiting.values()) due = Math.min(due, w.due);
    timer = clock.setTimer(release, Math.max(0, due - clock.now()));
  }

  /** Keys due now, and those due within `groupMs`, go together: one frame for their redraws, not several. */
  function release(): void {
    timer = null;
    const now = clock.now();
    for (const [key, w] of [...waiting])
      if (w.due <= now + groupMs) {
        waiting.delete(key);
        enqueue(key, w.task);
      }
    arm();
  }

  return {
    request(key, task, urgent = false) {
      const wait = waiting.get(key);
      if (wait && !urgent) return void (wait.task = task);
      if (wait) waiting.delete(key);
      const last = lastRun.get(key);
      const left = last === undefined || urgent ? 0 : minIntervalMs - (clock.now() - last);
      if (left <= 0 || queued.has(key)) enqueue(key, task);
      else waiting.set(key, { task, due: clock.now() + left });
      if (wait || left > 0) arm();
    },
    cancel(key) {
      queued.delete(key);
      if (waiting.delete(key)) arm();
    },
    get pending() {
      return queued.size + waiting.size;
    },
  };
}
