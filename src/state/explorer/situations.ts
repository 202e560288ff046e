/**
 * Ready-made placements of the gradients, each showing one situation a student should recognise: the
 * start (a mild conflict), gradients that agree (every method is near the mean), very different
 * magnitudes (the larger task dominates the sum: one leg of Yu et al.'s "tragic triad", PCGrad 2020),
 * nearly opposite gradients (almost nothing improves both), and three gradients around the origin
 * (Pareto-stationary: MGDA stops).
 */
import { INITIAL_GRADS } from './explorer-store';
import type { Vec2 } from './geometry';

export interface Situation {
  label: string;
  /** What to look for, in one sentence. */
  hint: string;
  taskCount: 2 | 3;
  grads: [Vec2, Vec2, Vec2];
}

export const SITUATIONS: readonly Situation[] = [
  {
    label: 'Mild conflict',
    hint: 'The start: 110° apart (cosine −0.34), they conflict, yet their sum still lowers both losses; see how each method bends it.',
    taskCount: 2,
    grads: INITIAL_GRADS,
  },
  {
    label: 'Agreement',
    hint: 'No conflict: PCGrad, UPGrad and DualProj change nothing and return the sum or the mean.',
    taskCount: 2,
    grads: [
      [2, 0.5],
      [1, 1.5],
      [1, 2],
    ],
  },
  {
    label: 'One gradient 10× larger',
    hint: 'The sum follows the large task and raises the small one’s loss; MGDA, IMTL and Nash-MTL do not let size decide.',
    taskCount: 2,
    grads: [
      [8, 1],
      [-0.4, 0.6],
      [1, 2],
    ],
  },
  {
    label: 'Nearly opposite',
    hint: 'Almost no direction helps both tasks: see how short the non-conflicting methods’ arrows get.',
    taskCount: 2,
    grads: [
      [2, 0.3],
      [-1.8, 0],
      [1, 2],
    ],
  },
  {
    label: 'Three around the origin',
    hint: 'Pareto-stationary: every direction raises some loss, so MGDA and UPGrad return (about) zero.',
    taskCount: 3,
    grads: [
      [2, 0.5],
      [-1, 1.5],
      [0.3, -2],
    ],
  },
];
