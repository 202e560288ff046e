/**
 * The card of task-arithmetic.ts (page-safe). Ilharco, Ribeiro, Wortsman, Gururangan, Schmidt, Hajishirzi,
 * Farhadi, "Editing Models with Task Arithmetic", ICLR 2023.
 */
import { defineSectionCard } from '../config/section-card';
import { mergeFits, warmupSteps } from './common';
import { num } from '../params/spec';

export const TASK_ARITHMETIC_CITATION = 'Ilharco et al., "Editing Models with Task Arithmetic", ICLR 2023';

export const taskArithmeticCard = defineSectionCard({
  id: 'task-arithmetic',
  label: 'Task arithmetic',
  summary:
    'Adds the task vectors τ_t = θ_t − θ0 of every specialist to the shared start: θ = θ0 + λ Σ_t τ_t. A large λ keeps each edit whole but lets conflicting edits collide; λ = 1/T is plain averaging.',
  citation: TASK_ARITHMETIC_CITATION,
  params: {
    warmupSteps,
    lambda: num({
      label: 'Scaling λ',
      help: 'How much of the summed task vectors to add to θ0. The paper picks λ on held-out data (0.3–1 for a few tasks); 1 adds every specialist’s full edit, 1/T averages, 0 returns the start.',
      default: 1,
      min: 0,
      max: 2,
    }),
  },
  check: (_params, ctx) => mergeFits(ctx),
  views: () => [{ kind: 'merging' }],
});
