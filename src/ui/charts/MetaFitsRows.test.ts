import { describe, expect, it } from 'vitest';
import type { MetaReport } from '../../engine/meta/report-types';
import { adaptationRows, adaptationSummary, fitRows, learnerName, shotRows } from './MetaFitsRows';
import type { OverlayRun } from './define';

const meta = (learner: string, losses: number[]): MetaReport => ({
  learner,
  lossAfterSteps: losses,
  shots: 2,
  adaptLr: 0.01,
  heldOut: 1,
  fits: [
    {
      amplitude: 1,
      phase: 0,
      x: [0, 1],
      truth: [0, 0.84],
      shotsX: [0.5],
      shotsY: [0.48],
      fits: [
        { steps: 0, y: [0.1, 0.2] },
        { steps: 1, y: [0.05, 0.6] },
      ],
    },
  ],
});

describe('meta-learning chart rows', () => {
  it('lays a curve out by grid point with one column per fit', () => {
    const curve = meta('maml', [1]).fits[0]!;
    expect(fitRows(curve)).toEqual([
      { x: 0, truth: 0, k0: 0.1, k1: 0.05 },
      { x: 1, truth: 0.84, k0: 0.2, k1: 0.6 },
    ]);
    expect(shotRows(curve)).toEqual([{ x: 0.5, y: 0.48 }]);
  });

  it('puts the live run beside overlaid runs that carry a meta report', () => {
    const overlay = [
      { id: 'a', name: 'joint', dash: '4 3', history: { latest: { meta: meta('none', [3, 2.5]) } } },
      { id: 'b', name: 'other', dash: '2 2', history: { latest: {} } },
    ] as unknown as OverlayRun[];
    const { rows, lines } = adaptationRows(meta('maml', [3, 1, 0.5]), overlay);
    expect(rows).toEqual([
      { k: 0, live: 3, 'run-a': 3 },
      { k: 1, live: 1, 'run-a': 2.5 },
      { k: 2, live: 0.5 },
    ]);
    expect(lines).toEqual([
      { key: 'live', name: 'this run: MAML' },
      { key: 'run-a', name: 'joint: joint (no meta-learning)', dash: '4 3' },
    ]);
    expect(learnerName('fomaml')).toBe('first-order MAML');
    expect(adaptationSummary(meta('maml', [3, 1, 0.5]))).toContain(
      '3.00 before adapting, 1.00 after 1 step, 0.50 after 2',
    );
  });
});
