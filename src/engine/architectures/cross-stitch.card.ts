/**
 * Cross-stitch networks: Misra, Shrivastava, Gupta and Hebert, "Cross-stitch Networks for Multi-task
 * Learning", CVPR 2016. One MLP column per task, mixed after every hidden layer by learned units α [T, T].
 * The network is cross-stitch.ts.
 */
import { num } from '../params/spec';
import { defineArchitectureCard } from './card';
import { headsRow, inputsRow, perTask, type DiagramRow } from './diagram';
import { headSpecs, hiddenWidths } from './specs';

export const crossStitchCard = defineArchitectureCard({
  id: 'cross-stitch',
  label: 'Cross-stitch (soft)',
  group: 'soft',
  summary:
    'One MLP column per task; learned cross-stitch units mix the columns after every hidden layer, so the network learns how much to share.',
  citation: 'Misra et al., "Cross-stitch Networks for Multi-task Learning", CVPR 2016',
  params: {
    widths: hiddenWidths(
      'Column widths',
      'Units in each hidden layer of every column, bottom first; a cross-stitch unit follows each layer.',
    ),
    alphaDiagonal: num({
      label: 'Initial self weight',
      help: "Initial α on the diagonal (the paper's α_S = 0.9); the rest of each row is spread over the other columns. 1 starts as independent columns.",
      min: 0,
      max: 1,
      default: 0.9,
    }),
    ...headSpecs,
  },
  // Every task's loss depends on every column, so each of the T copies of θ computes all T columns.
  stackedCost: 'quadratic',
  diagram: (p, numTasks) => [
    inputsRow(),
    ...p.widths.flatMap((width): DiagramRow[] => [
      perTask(numTasks, () => ({ label: `${width}`, kind: 'task', title: 'Column of {task}' })),
      [{ label: 'cross-stitch α', kind: 'gate', title: 'Learned mixing of the task columns' }],
    ]),
    headsRow(numTasks, p.headLayers),
  ],
});
