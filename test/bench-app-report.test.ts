/**
 * The app bench's report of the frames that held its long tasks (bench/app.bench.ts longFrameLines): one
 * line per frame with its time, length, rendering and scripts, so a long task in `npm run bench` names
 * what ran; nothing when the window had none.
 */
import { describe, expect, it } from 'vitest';
import { longFrameLines, type AppRow } from '../bench/app.bench';

const row = (longFrames: AppRow['longFrames']): AppRow => ({
  scenario: 'default experiment, auto',
  backend: 'WASM',
  loadToTrainableMs: 700,
  switchToTrainableMs: null,
  clickToFirstPointMs: 40,
  stepsPerSecond: 3000,
  longTasks: { count: longFrames.length, longestMs: 83, windowSeconds: 30 },
  longFrames,
});

describe('app bench long frames', () => {
  it('names each frame that held a long task and its scripts', () => {
    const text = longFrameLines([
      row([
        {
          start: 12_345,
          duration: 83.4,
          renderMs: 11.6,
          scripts: [
            {
              invoker: 'user-callback FrameRequestCallback',
              source: 'index-x.js:290862',
              ms: 61.2,
              forcedLayoutMs: 0.4,
            },
            {
              invoker: 'event-listener Worker.onmessage',
              source: 'index-x.js:1200',
              ms: 8,
              forcedLayoutMs: 0,
            },
          ],
        },
      ]),
    ]);
    expect(text).toBe(
      '\nFrames that held the long tasks:\n\n' +
        '- default experiment, auto: a 83 ms frame at +12.3 s (rendering 12 ms): ' +
        'user-callback FrameRequestCallback (index-x.js:290862) 61 ms, forced layout 0 ms; ' +
        'event-listener Worker.onmessage (index-x.js:1200) 8 ms, forced layout 0 ms\n',
    );
  });

  it('says nothing without long frames, and "no script" for a frame of rendering alone', () => {
    expect(longFrameLines([row([])])).toBe('');
    expect(longFrameLines([row([{ start: 0, duration: 60, renderMs: 55, scripts: [] }])])).toContain(
      'a 60 ms frame at +0.0 s (rendering 55 ms): no script',
    );
  });
});
