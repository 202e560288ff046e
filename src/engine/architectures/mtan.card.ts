/**
 * Multi-Task Attention Network (MTAN): Liu, Johns and Davison, "End-to-End Multi-Task Learning with
 * Attention", CVPR 2019, as an MLP: a shared trunk whose every layer each task reads through its own
 * learned soft mask. The network is mtan.ts.
 */
import { defineArchitectureCard } from './card';
import { trunkWithTaskModules } from './diagram';
import { headSpecs, hiddenWidths } from './specs';

export const mtanCard = defineArchitectureCard({
  id: 'mtan',
  label: 'Multi-task attention network (MTAN)',
  group: 'soft',
  summary:
    'One shared network; each task has small attention modules that put a learned soft mask on every shared layer’s features, so each task picks the features it needs.',
  citation: 'Liu, Johns and Davison, "End-to-End Multi-Task Learning with Attention", CVPR 2019',
  params: {
    widths: hiddenWidths(
      'Trunk widths',
      'Units in each hidden layer of the shared trunk, bottom first; every task has an attention mask on each layer.',
    ),
    ...headSpecs,
  },
  stackedCost: 'linear',
  diagram: (p, numTasks) =>
    trunkWithTaskModules(
      p.widths,
      numTasks,
      p.headLayers,
      { title: 'Shared trunk layer: every task reads it through its own mask' },
      (l) => ({
        label: `mask ${l + 1}`,
        kind: 'attention',
        title: `{task}'s attention on layer ${l + 1}: a sigmoid mask from the shared features${l > 0 ? ' and its previous attended features' : ''}`,
      }),
    ),
});
