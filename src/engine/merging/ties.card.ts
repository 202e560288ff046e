/**
 * The card of ties.ts (page-safe). Yadav, Tam, Choshen, Raffel, Bansal, "TIES-Merging: Resolving
 * Interference When Merging Models", NeurIPS 2023.
 */
import { defineSectionCard } from '../config/section-card';
import type { ConfigIssue } from '../params/spec';
import { num } from '../params/spec';
import { mergeFits, warmupSteps } from './common';

export const TIES_CITATION =
  'Yadav et al., "TIES-Merging: Resolving Interference When Merging Models", NeurIPS 2023';

export const tiesCard = defineSectionCard({
  id: 'ties',
  label: 'TIES-merging',
  summary:
    'Trims each task vector to its largest entries, elects one sign per parameter by total mass, and averages only the entries that agree with it: θ = θ0 + λ τ_m. Fewer collisions than adding, at the cost of dropping small edits.',
  citation: TIES_CITATION,
  params: {
    warmupSteps,
    topK: num({
      label: 'Keep top-k %',
      help: 'Percentage of each task vector’s entries kept (largest magnitudes); the rest are reset to 0. The paper keeps 20%; 100 keeps everything (only the sign election remains).',
      default: 20,
      min: 0,
      max: 100,
    }),
    lambda: num({
      label: 'Scaling λ',
      help: 'How much of the merged task vector to add to θ0; the paper uses 1 when it does not tune it on held-out data.',
      default: 1,
      min: 0,
      max: 2,
    }),
  },
  // The spec's range admits 0; a trim that keeps nothing merges nothing, so 0 itself is refused here.
  check: (params, ctx): ConfigIssue[] => [
    ...mergeFits(ctx),
    ...(typeof params.topK === 'number' && params.topK <= 0
      ? [
          {
            path: 'topK',
            message: `expected a percentage in (0, 100] (0 would keep no entry), got ${params.topK}`,
            accepted: 'a number greater than 0, at most 100',
          },
        ]
      : []),
  ],
  views: () => [{ kind: 'merging' }],
});
