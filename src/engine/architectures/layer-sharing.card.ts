/**
 * Hard parameter sharing with a per-layer mask: each hidden layer of one MLP is either shared by all tasks
 * (in θ) or task-specific (stacked [T, ...]). All shared is the common shared-bottom net (Caruana,
 * "Multitask Learning", Machine Learning 28, 1997); none shared gives independent nets; [false, true] is
 * the separate-bottom/shared-top net of Zhang et al., "Rethinking Hard-Parameter Sharing in Multi-Task
 * Learning", arXiv 2107.11359, 2021. One mechanism covers all three. The network is layer-sharing.ts.
 */
import { boolList } from '../params/spec';
import { defineArchitectureCard } from './card';
import { headsRow, inputsRow, perTask, type DiagramRow } from './diagram';
import { headSpecs, hiddenWidths } from './specs';

export const layerSharingCard = defineArchitectureCard({
  id: 'layer-sharing',
  label: 'Layer sharing (hard)',
  group: 'hard',
  summary:
    'One MLP whose hidden layers are each shared by all tasks or owned by each task: shared bottom, independent nets, or a separate bottom under a shared top.',
  citation:
    'Caruana, "Multitask Learning", Machine Learning 28, 1997; Zhang et al., "Rethinking Hard-Parameter Sharing in Multi-Task Learning", arXiv 2107.11359, 2021',
  params: {
    widths: hiddenWidths(
      'Hidden widths',
      'Units in each hidden layer, bottom first. More layers give the mask more places to share.',
    ),
    shared: boolList({
      label: 'Shared layers',
      help: 'One flag per hidden layer: shared by all tasks, or one copy per task. All on: shared bottom; all off: independent nets.',
      minLength: 1,
      maxLength: 6,
      default: [true, true],
    }),
    ...headSpecs,
  },
  stackedCost: 'linear',
  check(p) {
    if (p.shared.length === p.widths.length) return [];
    return [
      {
        path: 'shared',
        message: `expected ${p.widths.length} values (one per hidden layer), got ${p.shared.length}`,
      },
    ];
  },
  diagram: (p, numTasks) => [
    inputsRow(),
    ...p.widths.map((width, l): DiagramRow =>
      p.shared[l] === true
        ? [
            {
              label: `layer ${l + 1}: ${width} units, shared`,
              kind: 'shared',
              toggleShared: l,
              title: 'Shared by every task. Click to give each task its own copy.',
            },
          ]
        : perTask(numTasks, () => ({
            label: `${width}`,
            kind: 'task',
            toggleShared: l,
            title: `{task}'s own layer ${l + 1}. Click to share it.`,
          })),
    ),
    headsRow(numTasks, p.headLayers),
  ],
});
