/**
 * DSelect-k: Hazimeh, Zhao, Chowdhery, Sathiamoorthy, Chen, Mazumder, Hong and Chi, "DSelect-k:
 * Differentiable Selection in the Mixture of Experts with Applications to Multi-Task Learning", NeurIPS
 * 2021: shared experts as in MMoE, each task's gate selecting at most k of them through smooth binary
 * codes. The network (and its departures from the reference code) is dselect-k.ts.
 */
import { choice, int, num } from '../params/spec';
import { defineArchitectureCard } from './card';
import { headsRow, inputsRow, numbered, perTask, widthsText } from './diagram';
import { expertWidths, headSpecs } from './specs';

export const dselectKCard = defineArchitectureCard({
  id: 'dselect-k',
  label: 'DSelect-k mixture of experts',
  group: 'expert',
  summary:
    'Shared experts as in MMoE, but each task’s gate learns to pick at most k of them through smooth binary codes, so every task ends up with a small, sparse set of experts.',
  citation:
    'Hazimeh et al., "DSelect-k: Differentiable Selection in the Mixture of Experts with Applications to Multi-Task Learning", NeurIPS 2021',
  params: {
    experts: int({
      label: 'Experts',
      help: 'Number of expert networks shared by all tasks (a power of 2 uses every binary code exactly once).',
      min: 2,
      max: 16,
      default: 4,
    }),
    k: int({
      label: 'Experts per task (k)',
      help: 'Selectors per task gate: each converges to one expert, so a task uses at most k experts.',
      min: 1,
      max: 8,
      default: 2,
    }),
    gamma: num({
      label: 'Smooth-step width γ',
      help: 'Width of the smooth step’s sloped part (the paper’s γ, default 1). Smaller γ makes selections harden sooner.',
      min: 0.01,
      max: 10,
      scale: 'log',
      default: 1,
    }),
    routing: choice({
      label: 'Gate input',
      help: 'task: each task learns one fixed selection (the paper’s static gate). example: the selection is computed from each input.',
      options: ['task', 'example'],
      default: 'task',
    }),
    expertWidths,
    ...headSpecs,
  },
  stackedCost: 'linear',
  diagram: (p, numTasks) => [
    inputsRow(),
    numbered(p.experts, (e) => ({
      label: `expert ${e + 1}`,
      kind: 'expert',
      title: `Expert ${e + 1} (MLP ${widthsText(p.expertWidths)}), shared by every task`,
    })),
    perTask(numTasks, () => ({
      label: `select ${p.k} of ${p.experts}`,
      kind: 'gate',
      title: `{task}'s DSelect-k gate: ${p.k} smooth binary selectors, each converging to one expert`,
    })),
    headsRow(numTasks, p.headLayers),
  ],
});
