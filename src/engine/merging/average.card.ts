/**
 * The card of average.ts (page-safe). Uniform weight averaging of fine-tuned models from one start:
 * Wortsman et al., "Model soups", ICML 2022; the task-arithmetic view: Ilharco et al., ICLR 2023.
 */
import { defineSectionCard } from '../config/section-card';
import { mergeFits, warmupSteps } from './common';

export const averageCard = defineSectionCard({
  id: 'average',
  label: 'Weight averaging',
  summary:
    'The mean of the specialists’ shared parameters, θ = (1/T) Σ_t θ_t: every edit shrunk to 1/T, so nothing collides but every task keeps only part of what it learned.',
  citation:
    'Wortsman et al., "Model soups: averaging weights of multiple fine-tuned models improves accuracy without increasing inference time", ICML 2022',
  params: { warmupSteps },
  check: (_params, ctx) => mergeFits(ctx),
  views: () => [{ kind: 'merging' }],
});
