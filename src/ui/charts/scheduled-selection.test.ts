import { describe, expect, it } from 'vitest';
import { ReportHistory } from '../../state/history';
import { createPlaygroundStore, type PlaygroundState } from '../../state/store';
import { createFrameScheduler } from './frame-scheduler';
import { manualClock } from './manual-clock';
import { watchSelection } from './scheduled-selection';
import { report } from './testing';

const selectHistory = (s: PlaygroundState) => s.history;
const selectGrid = (s: PlaygroundState) => s.grid;

/** A real store and history, a scheduler on a manual clock, and what each chart was handed. */
function setup(minIntervalMs = 0) {
  const store = createPlaygroundStore('');
  const history = new ReportHistory();
  const m = manualClock();
  const scheduler = createFrameScheduler(m.clock, { minIntervalMs });
  const shown = { loss: [] as number[], boundary: [] as unknown[] };
  const stopLoss = watchSelection(
    {
      store,
      select: selectHistory,
      key: 'loss',
      scheduler,
      apply: (h) => shown.loss.push(h.reports),
      urgent: (next, now) => next.reports < now.reports,
    },
    store.getState().history,
  );
  const stopBoundary = watchSelection(
    { store, select: selectGrid, key: 'boundary', scheduler, apply: (g) => shown.boundary.push(g) },
    null,
  );
  let step = 0;
  /** One 'reports' message: two reports appended, a new history view, the step counter. */
  const receive = () => {
    history.append([report((step += 10), 0.1), report((step += 10), 0.2)]);
    store.setState({ history: history.view(), step });
  };
  return { store, m, scheduler, shown, receive, stop: () => (stopLoss(), stopBoundary()) };
}

describe('charts follow the store through the frame scheduler', () => {
  it('shows N reports messages within one frame as one update, with the latest history', () => {
    const { m, shown, receive } = setup();
    for (let i = 0; i < 5; i++) receive();
    expect(shown.loss).toEqual([]);
    m.frame();
    expect(shown.loss).toEqual([10]);
  });

  it('leaves a chart alone when its own part of the state did not change', () => {
    const { store, m, shown, receive } = setup();
    receive();
    store.setState({ stepsPerSecond: 120, status: 'running' });
    m.frame();
    expect(shown.loss).toEqual([2]);
    expect(shown.boundary).toEqual([]);
    const grid = {
      size: 2,
      bounds: [
        [0, 1],
        [0, 1],
      ] as [[number, number], [number, number]],
      values: new Float32Array(8),
      step: 20,
    };
    store.setState({ grid });
    m.frame();
    expect(shown.boundary).toEqual([grid]);
    expect(shown.loss).toEqual([2]);
  });

  it('refreshes at most once per interval while reports stream in, and shows a reset at once', () => {
    const { store, m, shown, receive } = setup(250);
    receive();
    m.frame();
    for (let t = 0; t < 10; t++) {
      m.advance(100);
      receive();
      m.frame();
    }
    // 1 s of messages every 100 ms: the first shows at once, the rest wait 250 ms, which this clock (moving
    // in 100 ms steps) ends at 300, 600 and 900 ms; each update shows the newest history, not the queued one.
    expect(shown.loss).toEqual([2, 8, 14, 20]);
    m.advance(10);
    store.setState({ history: new ReportHistory().view(), step: 0 });
    m.frame();
    expect(shown.loss.at(-1)).toBe(0);
  });

  it('stops, queued update included, when the chart goes away', () => {
    const { m, scheduler, shown, receive, stop } = setup();
    receive();
    stop();
    m.frame();
    receive();
    m.frame();
    expect(shown.loss).toEqual([]);
    expect(scheduler.pending).toBe(0);
  });
});
