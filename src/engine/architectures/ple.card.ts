/**
 * Progressive Layered Extraction (PLE): Tang, Liu, Zhao and Gong, "Progressive Layered Extraction (PLE): A
 * Novel Multi-Task Learning (MTL) Model for Personalized Recommendations", RecSys 2020: CGC levels stacked,
 * each but the last with a shared gate over all its experts. The network is ple.ts.
 */
import { int } from '../params/spec';
import { defineArchitectureCard } from './card';
import { cgcParams, levelRows } from './cgc.card';
import { headsRow, inputsRow } from './diagram';

export const pleCard = defineArchitectureCard({
  id: 'ple',
  label: 'Progressive layered extraction (PLE)',
  group: 'expert',
  summary:
    'CGC levels stacked: each level has shared and task-owned experts, and a shared gate passes a mix of all experts up to the next level, so tasks separate their features gradually.',
  citation:
    'Tang et al., "Progressive Layered Extraction (PLE): A Novel Multi-Task Learning (MTL) Model for Personalized Recommendations", RecSys 2020',
  params: {
    levels: int({
      label: 'Levels',
      help: 'Extraction levels stacked (DeepCTR’s default: 2). 1 is CGC; each level adds experts that read the previous level’s mixes.',
      min: 1,
      max: 4,
      default: 2,
    }),
    ...cgcParams,
  },
  stackedCost: 'quadratic',
  diagram: (p, numTasks) => [
    inputsRow(),
    ...Array.from({ length: p.levels }, (_, l) => levelRows(p, numTasks, l < p.levels - 1)).flat(),
    headsRow(numTasks, p.headLayers),
  ],
});
