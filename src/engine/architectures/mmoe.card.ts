/**
 * Multi-gate Mixture-of-Experts: Ma, Zhao, Yi, Chen, Hong and Chi, "Modeling Task Relationships in
 * Multi-task Learning with Multi-gate Mixture-of-Experts", KDD 2018: shared experts, one softmax gate per
 * task. The network is mmoe.ts.
 */
import { int } from '../params/spec';
import { defineArchitectureCard } from './card';
import { headsRow, inputsRow, numbered, perTask, widthsText } from './diagram';
import { expertWidths, headSpecs } from './specs';

export const mmoeCard = defineArchitectureCard({
  id: 'mmoe',
  label: 'Multi-gate mixture of experts',
  group: 'expert',
  summary:
    'Shared expert MLPs mixed by one softmax gate per task, so tasks that relate weakly can lean on different experts.',
  citation:
    'Ma et al., "Modeling Task Relationships in Multi-task Learning with Multi-gate Mixture-of-Experts", KDD 2018',
  params: {
    experts: int({
      label: 'Experts',
      help: 'Number of expert networks shared by all tasks. More experts let weakly related tasks use different ones.',
      min: 1,
      max: 16,
      default: 4,
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
    perTask(numTasks, (t) => ({
      label: `gate ${t + 1}`,
      kind: 'gate',
      title: 'Softmax gate of {task}: how it mixes the experts',
    })),
    headsRow(numTasks, p.headLayers),
  ],
});
