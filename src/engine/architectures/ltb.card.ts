/**
 * Learning to Branch: Guo, Lee and Ulbricht, "Learning to Branch for Multi-Task Learning", ICML 2020. T
 * blocks per layer, each learning which block of the layer below to grow from, so the tasks grow a tree.
 * The network (and its departures from the paper) is ltb.ts.
 */
import { num, numList } from '../params/spec';
import { defineArchitectureCard } from './card';
import { headsRow, inputsRow, numbered, type DiagramRow } from './diagram';
import { headSpecs } from './specs';

export const ltbCard = defineArchitectureCard({
  id: 'ltb',
  label: 'Learning to branch (tree)',
  group: 'soft',
  summary:
    'A network of T blocks per layer in which every block learns which block of the layer below to branch from, so the tasks grow a tree: shared trunk first, task-specific branches later.',
  citation: 'Guo, Lee and Ulbricht, "Learning to Branch for Multi-Task Learning", ICML 2020',
  params: {
    widths: numList({
      label: 'Block widths',
      help: 'Units in the blocks of each layer, bottom first; from the second layer on, each block learns its parent.',
      min: 1,
      max: 256,
      integer: true,
      minLength: 1,
      maxLength: 6,
      default: [32, 32, 32],
    }),
    temperature: num({
      label: 'Branching temperature τ',
      help: 'Softmax temperature of the parent choice. Low τ makes each block follow its most likely parent (a hard tree); high τ averages the parents.',
      min: 0.05,
      max: 10,
      scale: 'log',
      default: 1,
    }),
    ...headSpecs,
  },
  stackedCost: 'quadratic',
  diagram: (p, numTasks) => [
    inputsRow(),
    ...p.widths.flatMap((width, l): DiagramRow[] => [
      ...(l > 0
        ? [
            [
              {
                label: 'branching softmax',
                kind: 'gate' as const,
                title: `Each block of layer ${l + 1} learns which block of layer ${l} it grows from (softmax over parents at temperature ${p.temperature})`,
              },
            ],
          ]
        : []),
      numbered(numTasks, (k) => ({
        label: `block ${k + 1}: ${width}`,
        kind: 'expert',
        title:
          l === p.widths.length - 1
            ? `Last-layer block ${k + 1}: the head of task ${k + 1} reads it`
            : `Block ${k + 1} of layer ${l + 1}, shared by whichever blocks branch from it`,
      })),
    ]),
    headsRow(numTasks, p.headLayers),
  ],
});
