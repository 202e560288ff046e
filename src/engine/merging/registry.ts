/**
 * Merge methods' implementations, one line each, keyed by their card's id. They are pure functions on
 * Float32Arrays (no tfjs), so this registry is page-safe too; the trainer (trainer.ts) feeds them the
 * specialists' shared parameters.
 */
import type { AnyParams } from '../params/spec';
import { average } from './average';
import { averageCard } from './average.card';
import { taskArithmetic } from './task-arithmetic';
import { taskArithmeticCard } from './task-arithmetic.card';
import { ties } from './ties';
import { tiesCard } from './ties.card';
import type { SectionCard } from '../config/section-card';
import { defaultParams } from '../params/spec';

/** θ_merged from the shared start θ0 and one model per task (all the same length, else MergeShapeError). */
export type MergeFunction = (
  theta0: Float32Array,
  models: readonly Float32Array[],
  params: AnyParams,
) => Float32Array;

export interface MergeMethod {
  card: SectionCard;
  merge: MergeFunction;
}

const num = (params: AnyParams, key: string): number => params[key] as number;

export const MERGE_METHODS: readonly MergeMethod[] = [
  { card: averageCard, merge: (theta0, models) => average(theta0, models) },
  {
    card: taskArithmeticCard,
    merge: (theta0, models, p) => taskArithmetic(theta0, models, num(p, 'lambda')),
  },
  {
    card: tiesCard,
    merge: (theta0, models, p) => ties(theta0, models, { topK: num(p, 'topK'), lambda: num(p, 'lambda') }),
  },
];

export const findMergeMethod = (id: string): MergeMethod | undefined =>
  MERGE_METHODS.find((m) => m.card.id === id);

/** A method's parameters: the config's for the chosen one, its card's defaults otherwise. */
export const mergeParams = (method: MergeMethod, chosen: { id: string; params: AnyParams }): AnyParams =>
  method.card.id === chosen.id ? chosen.params : defaultParams(method.card.params);
