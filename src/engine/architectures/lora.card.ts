/**
 * Task-specific low-rank adapters on a shared MLP: Hu et al., "LoRA: Low-Rank Adaptation of Large Language
 * Models", ICLR 2022, one adapter per task and layer as in Agiza, Neseem and Reda, "MTLoRA: Low-Rank
 * Adaptation Approach for Efficient Multi-Task Learning", CVPR 2024. The network is lora.ts.
 */
import { int, num } from '../params/spec';
import { defineArchitectureCard } from './card';
import { trunkWithTaskModules } from './diagram';
import { headSpecs, hiddenWidths } from './specs';

export const loraCard = defineArchitectureCard({
  id: 'lora',
  label: 'Low-rank task adapters (LoRA)',
  group: 'soft',
  summary:
    'One shared network; each task adds its own low-rank correction to every shared layer’s weights, a cheap way to let tasks differ while sharing almost everything.',
  citation:
    'Hu et al., "LoRA: Low-Rank Adaptation of Large Language Models", ICLR 2022; Agiza, Neseem and Reda, "MTLoRA: Low-Rank Adaptation Approach for Efficient Multi-Task Learning", CVPR 2024',
  params: {
    widths: hiddenWidths(
      'Hidden widths',
      'Units in each shared hidden layer, bottom first; every layer gets one low-rank adapter per task.',
    ),
    rank: int({
      label: 'Rank r',
      help: 'Rank of each task’s update A·B to a layer’s weights: its task-specific parameters per layer are r·(in + out).',
      min: 1,
      max: 64,
      default: 4,
    }),
    alpha: num({
      label: 'Scale α',
      help: 'The update is scaled by α/r. LoRA sets α to the first rank tried and keeps it, so changing r needs no new learning rate.',
      min: 0.01,
      max: 256,
      scale: 'log',
      default: 4,
    }),
    ...headSpecs,
  },
  stackedCost: 'linear',
  diagram: (p, numTasks) =>
    trunkWithTaskModules(
      p.widths,
      numTasks,
      p.headLayers,
      { title: 'Shared weights W and bias b, used by every task' },
      (l) => ({
        label: `+ rank-${p.rank} A·B`,
        kind: 'task',
        title: `{task}'s low-rank update (α/r)·A·B to layer ${l + 1}'s weights (B starts at 0)`,
      }),
    ),
});
