/**
 * Reptile: Nichol, Achiam & Schulman, "On First-Order Meta-Learning Algorithms", arXiv 1803.02999, 2018.
 * Adapt with k SGD steps to φ, then move θ towards φ: θ ← θ + ε(φ − θ). The implementation is reptile.ts.
 */
import { defineSectionCard } from '../config/section-card';
import { checkMetaExperiment, innerLoopSpecs } from './card-params';

export const reptileCard = defineSectionCard({
  id: 'reptile',
  label: 'Reptile',
  summary:
    'Adapts to each sine with a few plain steps, then moves the start a little towards where it ended up (θ ← θ + ε(φ − θ), ε the learning rate under SGD). No query set, no second derivatives.',
  citation: 'Nichol, Achiam & Schulman, "On First-Order Meta-Learning Algorithms", arXiv 1803.02999, 2018',
  params: innerLoopSpecs({ innerSteps: 5, innerLr: 0.01 }),
  check: checkMetaExperiment,
});
