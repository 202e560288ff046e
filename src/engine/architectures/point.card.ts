/**
 * The "model" of an objective suite whose parameters are the point θ itself, such as the two-objective toy
 * of Liu et al., "Conflict-Averse Gradient Descent for Multi-task Learning" (CAGrad), NeurIPS 2021. Its
 * layout (one segment, θ) is point.ts.
 */
import { defineArchitectureCard } from './card';

export const pointCard = defineArchitectureCard({
  id: 'point',
  label: 'Point (θ itself)',
  group: 'point',
  summary: 'No network: the shared parameters are the point the objectives are evaluated at.',
  citation: 'Liu et al., "Conflict-Averse Gradient Descent for Multi-task Learning", NeurIPS 2021',
  params: {},
  stackedCost: 'linear',
  diagram: () => [
    [
      {
        label: 'θ (the point itself)',
        kind: 'shared',
        title: 'The suite trains the point θ: every loss is a function of it',
      },
    ],
  ],
});
