import { describe, expect, it } from 'vitest';
import { createFrameScheduler } from './frame-scheduler';
import { manualClock } from './manual-clock';

describe('frame scheduler', () => {
  it('runs N requests of one key within a frame once, with the latest task', () => {
    const m = manualClock();
    const s = createFrameScheduler(m.clock);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) s.request('loss', () => runs.push(i));
    expect(m.framesAsked()).toBe(1);
    m.frame();
    expect(runs).toEqual([4]);
    expect(s.pending).toBe(0);
    m.frame();
    expect(runs).toEqual([4]);
  });

  it('runs only the keys that asked: an unchanged chart is not updated', () => {
    const m = manualClock();
    const s = createFrameScheduler(m.clock);
    const runs: string[] = [];
    s.request('loss', () => runs.push('loss'));
    m.frame();
    s.request('cosine', () => runs.push('cosine'));
    m.frame();
    expect(runs).toEqual(['loss', 'cosine']);
  });

  it('spreads work over frames by the budget, at least one task a frame, in request order', () => {
    const m = manualClock();
    const s = createFrameScheduler(m.clock, { budgetMs: 8 });
    const runs: string[][] = [];
    let frame: string[] = [];
    for (const key of ['a', 'b', 'c', 'd', 'e'])
      s.request(key, () => {
        frame.push(key);
        m.spend(key === 'a' ? 20 : 3);
      });
    for (let f = 0; f < 4; f++) {
      frame = [];
      m.frame();
      runs.push(frame);
    }
    // 'a' alone overruns the budget; then 3 + 3 + 3 ms reaches it; 'e' is left for the third frame.
    expect(runs).toEqual([['a'], ['b', 'c', 'd'], ['e'], []]);
  });

  it('keeps a queued key in its place when it asks again', () => {
    const m = manualClock();
    const s = createFrameScheduler(m.clock, { budgetMs: 0 });
    const runs: string[] = [];
    s.request('a', () => runs.push('a1'));
    s.request('b', () => runs.push('b'));
    s.request('a', () => runs.push('a2'));
    m.frame();
    m.frame();
    expect(runs).toEqual(['a2', 'b']);
  });

  it('holds a key to its refresh interval, then runs its latest task once', () => {
    const m = manualClock();
    const s = createFrameScheduler(m.clock, { minIntervalMs: 250 });
    const runs: number[] = [];
    s.request('loss', () => runs.push(0));
    m.frame();
    m.advance(100);
    for (let i = 1; i <= 3; i++) s.request('loss', () => runs.push(i));
    m.frame();
    expect(runs).toEqual([0]);
    expect(s.pending).toBe(1);
    m.advance(149);
    m.frame();
    expect(runs).toEqual([0]);
    m.advance(1);
    m.frame();
    expect(runs).toEqual([0, 3]);
    expect(s.pending).toBe(0);
  });

  it('releases waiting keys that are due close together into one frame', () => {
    const m = manualClock();
    const s = createFrameScheduler(m.clock, { minIntervalMs: 250, budgetMs: 100 });
    const runs: string[][] = [];
    let frame: string[] = [];
    const flush = () => {
      frame = [];
      m.frame();
      if (frame.length) runs.push(frame);
    };
    s.request('a', () => frame.push('a'));
    flush();
    m.advance(20);
    s.request('b', () => frame.push('b'));
    flush();
    m.advance(80); // t = 100: both ask again; 'a' is due at 250, 'b' at 270
    s.request('a', () => frame.push('a'));
    s.request('b', () => frame.push('b'));
    m.advance(150);
    flush();
    expect(runs).toEqual([['a'], ['b'], ['a', 'b']]);
  });

  it('lets an urgent request (a reset) skip the interval', () => {
    const m = manualClock();
    const s = createFrameScheduler(m.clock, { minIntervalMs: 250 });
    const runs: string[] = [];
    s.request('loss', () => runs.push('first'));
    m.frame();
    s.request('loss', () => runs.push('growth'));
    s.request('loss', () => runs.push('reset'), true);
    m.frame();
    expect(runs).toEqual(['first', 'reset']);
    m.advance(1000);
    m.frame();
    expect(runs).toEqual(['first', 'reset']);
  });

  it('forgets a cancelled key, queued or waiting', () => {
    const m = manualClock();
    const s = createFrameScheduler(m.clock, { minIntervalMs: 250 });
    const runs: string[] = [];
    s.request('a', () => runs.push('a'));
    s.cancel('a');
    m.frame();
    s.request('b', () => runs.push('b'));
    m.frame();
    s.request('b', () => runs.push('b again'));
    s.cancel('b');
    m.advance(1000);
    m.frame();
    expect(runs).toEqual(['b']);
    expect(s.pending).toBe(0);
  });

  it('goes on with the other keys after a task throws', () => {
    const m = manualClock();
    const s = createFrameScheduler(m.clock, { budgetMs: 100 });
    const runs: string[] = [];
    s.request('bad', () => {
      throw new Error('chart failed');
    });
    s.request('good', () => runs.push('good'));
    expect(() => m.frame()).toThrow('chart failed');
    m.frame();
    expect(runs).toEqual(['good']);
  });
});
