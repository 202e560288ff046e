/**
 * Joins a method's card to its tfjs implementation: the entry the engine's registry holds. Apart from
 * card.ts so that the card (page-safe) names no engine type and the contract (types.ts) can extend the card
 * without a cycle.
 */
import { narrowParams } from '../params/narrow';
import type { ParamSpecs, ParamValues } from '../params/spec';
import type { MethodCardOf } from './card';
import type { MethodContext, MethodEntry, MethodInstance } from './types';

/** The engine's entry for a card: the card's fields plus `create`, which receives typed parameters. */
export function implementMethod<S extends ParamSpecs>(
  card: MethodCardOf<S>,
  impl: { create: (ctx: MethodContext<ParamValues<S>>) => MethodInstance },
): MethodEntry {
  return { ...card, create: (ctx) => impl.create({ ...ctx, params: narrowParams(card.params, ctx.params) }) };
}
