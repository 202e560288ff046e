/** For the scheduling tests: a clock whose frames, timers and time move only when the test says. */
import type { SchedulerClock } from './frame-scheduler';

export function manualClock() {
  let time = 0;
  let frames: (() => void)[] = [];
  const timers = new Map<number, { at: number; run: () => void }>();
  let nextId = 1;
  const clock: SchedulerClock = {
    now: () => time,
    requestFrame: (run) => void frames.push(run),
    setTimer: (run, ms) => (timers.set(nextId, { at: time + ms, run }), nextId++),
    clearTimer: (handle) => void timers.delete(handle as number),
  };
  return {
    clock,
    /** Runs the frames asked for so far (a frame's tasks may ask for the next one). */
    frame() {
      const now = frames;
      frames = [];
      now.forEach((run) => run());
    },
    framesAsked: () => frames.length,
    advance(ms: number) {
      time += ms;
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at))
        if (t.at <= time) {
          timers.delete(id);
          t.run();
        }
    },
    /** Work that takes `ms` of the frame. */
    spend: (ms: number) => (time += ms),
  };
}
