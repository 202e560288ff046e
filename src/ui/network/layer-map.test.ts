import { describe, expect, it } from 'vitest';
import { ARCHITECTURES } from '../../engine/architectures/registry';
import { defaultParams, type AnyParams } from '../../engine/params/spec';
import { Rng } from '../../engine/random/rng';
import { mapBoxesToLayers, unplacedLayers } from './layer-map';

/** The shared layers an architecture reports, in θ order (what the trainer's sharedLayers lists). */
function reportedLayers(id: string, params: AnyParams, numTasks: number): string[] {
  const entry = ARCHITECTURES.find((a) => a.id === id);
  if (!entry) throw new Error(`no architecture ${id}`);
  // Image architectures need a square image (a 28 x 28 digit); the rest take any input width.
  const inputDim = id === 'lenet' ? 28 * 28 : 4;
  const built = entry.build(params, { numTasks, inputDim, outputDim: 1, rng: new Rng(1) });
  return [...new Set(built.shared.map((s) => s.layer))];
}

function mapped(id: string, overrides: AnyParams, numTasks: number) {
  const entry = ARCHITECTURES.find((a) => a.id === id);
  if (!entry?.diagram) throw new Error(`${id} has no diagram`);
  const params = { ...defaultParams(entry.params), ...overrides };
  const layers = reportedLayers(id, params, numTasks);
  const rows = entry.diagram(params, numTasks);
  const map = mapBoxesToLayers(rows, layers);
  // Row by row, box labels with their layers, for readable expectations.
  const boxes = rows.flatMap((row, r) => row.map((box, i) => ({ label: box.label, layers: map[r]?.[i] })));
  return { layers, map, boxes };
}

describe('mapBoxesToLayers', () => {
  // Every architecture, a few shapes each: every reported layer lands on a box of its diagram.
  const cases: [string, AnyParams][] = [
    ...ARCHITECTURES.map((a): [string, AnyParams] => [a.id, {}]),
    ['layer-sharing', { widths: [8, 8, 8], shared: [false, true, false] }],
    ['mmoe', { expertWidths: [8, 4] }],
    ['ple', { levels: 3 }],
    ['ltb', { widths: [4, 4] }],
    ['cross-stitch', { widths: [4, 4, 4] }],
    ['lenet', { shared: [false, true, true] }],
    ['lenet', { mixing: 'cross-stitch' }],
  ];
  for (const [id, params] of cases)
    for (const tasks of [2, 3])
      it(`places every shared layer of ${id} ${JSON.stringify(params)} with ${tasks} tasks`, () => {
        const { layers, map } = mapped(id, params, tasks);
        expect(layers.length).toBeGreaterThan(0);
        expect(unplacedLayers(map, layers)).toEqual([]);
      });

  it('maps layer sharing box by box: shared layers to their name, own copies to nothing', () => {
    const { boxes } = mapped('layer-sharing', { widths: [8, 8], shared: [false, true] }, 2);
    expect(boxes).toEqual([
      { label: 'inputs', layers: [] },
      { label: '8', layers: [] },
      { label: '8', layers: [] },
      { label: 'layer 2: 8 units, shared', layers: ['layer 2'] },
      { label: '{task}', layers: [] },
      { label: '{task}', layers: [] },
    ]);
  });

  it('maps LeNet convolutions to "conv n" and the dense layer to "dense", own copies to nothing', () => {
    const { boxes } = mapped('lenet', { shared: [true, false, true] }, 2);
    expect(boxes.map((b) => b.layers?.join())).toEqual(['', 'conv 1', '', '', 'dense', '', '']);
  });

  it('gives every MMoE expert all its layers, bottom first, and the task gates none', () => {
    const { boxes } = mapped('mmoe', { experts: 2, expertWidths: [8, 4] }, 2);
    expect(boxes.slice(1, 5)).toEqual([
      { label: 'expert 1', layers: ['experts layer 1', 'experts layer 2'] },
      { label: 'expert 2', layers: ['experts layer 1', 'experts layer 2'] },
      { label: 'gate 1', layers: [] },
      { label: 'gate 2', layers: [] },
    ]);
  });

  it('numbers cross-stitch columns and α units, and LTB blocks and branchings, by row', () => {
    const stitch = mapped('cross-stitch', { widths: [4, 4] }, 2).boxes.map((b) => b.layers?.join());
    expect(stitch).toEqual(['', 'layer 1', 'layer 1', 'stitch 1', 'layer 2', 'layer 2', 'stitch 2', '', '']);
    const ltb = mapped('ltb', { widths: [4, 4] }, 2).boxes.map((b) => b.layers?.join());
    expect(ltb).toEqual(['', 'layer 1', 'layer 1', 'branch 2', 'layer 2', 'layer 2', '', '']);
  });

  it("puts PLE's levels on their own rows: level 1's experts and gates, level 2's shared experts", () => {
    const { boxes } = mapped('ple', { levels: 2, sharedExperts: 1, taskExperts: 1, expertWidths: [4] }, 2);
    expect(boxes.map((b) => `${b.label}=${b.layers?.join('+')}`)).toEqual([
      'inputs=',
      '1 shared expert=level 1 shared experts layer 1',
      '1 own expert=level 1 task experts layer 1',
      '1 own expert=level 1 task experts layer 1',
      'gate=level 1 gates',
      'gate=level 1 gates',
      'shared gate=level 1 gates',
      '1 shared expert=level 2 shared experts layer 1',
      '1 own expert=',
      '1 own expert=',
      'gate=',
      'gate=',
      '{task}=',
      '{task}=',
    ]);
  });

  it('lists a layer no box draws, so that its numbers can still be shown', () => {
    expect(unplacedLayers([[['layer 1']]], ['layer 1', 'mystery'])).toEqual(['mystery']);
  });
});
