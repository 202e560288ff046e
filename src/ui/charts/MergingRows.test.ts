import { describe, expect, it } from 'vitest';
import type { MergingReport } from '../../engine/merging/report';
import { interferenceRows, mergingBars, methodTable } from './MergingRows';

const s = (loss: number, metric: number) => ({ loss, metric });
const merging: MergingReport = {
  method: 'ties',
  steps: 100,
  tasks: [
    { name: 'a', specialist: s(0.1, 0.9), merged: s(0.3, 0.7), joint: s(0.2, 0.8) },
    { name: 'b', specialist: s(0.15, 0.95), merged: s(0.25, 0.85), joint: s(0.2, 0.9) },
  ],
  methods: [
    { id: 'average', label: 'Weight averaging', tasks: [s(0.4, 0.6), s(0.5, 0.5)] },
    { id: 'ties', label: 'TIES-merging', tasks: [s(0.3, 0.7), s(0.25, 0.85)] },
  ],
  interference: [
    {
      layer: 'layer 1',
      signConflict: 0.25,
      compared: 8,
      cosine: [
        [1, -0.5],
        [-0.5, 1],
      ],
    },
    {
      layer: 'all',
      signConflict: 0,
      compared: 0,
      cosine: [
        [0, 0],
        [0, 0],
      ],
    },
  ],
};

describe('merging chart rows', () => {
  it('one bar group per task in the chosen measure', () => {
    expect(mergingBars(merging, 'metric')).toEqual([
      { task: 'a', specialist: 0.9, merged: 0.7, joint: 0.8 },
      { task: 'b', specialist: 0.95, merged: 0.85, joint: 0.9 },
    ]);
    expect(mergingBars(merging, 'loss')[1]).toEqual({
      task: 'b',
      specialist: 0.15,
      merged: 0.25,
      joint: 0.2,
    });
  });

  it('marks the chosen method in the table', () => {
    expect(methodTable(merging, 'loss').map((r) => [r.id, r.chosen, r.values])).toEqual([
      ['average', false, [0.4, 0.5]],
      ['ties', true, [0.3, 0.25]],
    ]);
  });

  it('interference in percent with the mean pairwise cosine; three tasks average their pairs', () => {
    expect(interferenceRows(merging)[0]).toEqual({
      layer: 'layer 1',
      conflictPercent: 25,
      meanCosine: -0.5,
      compared: 8,
    });
    const three = {
      ...merging,
      interference: [
        {
          layer: 'x',
          signConflict: 0.5,
          compared: 3,
          cosine: [
            [1, 0.2, 0.4],
            [0.2, 1, 0.6],
            [0.4, 0.6, 1],
          ],
        },
      ],
    };
    expect(interferenceRows(three)[0]!.meanCosine).toBeCloseTo(0.4, 10);
  });
});
