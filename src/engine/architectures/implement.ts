/**
 * Joins an architecture's card to its tfjs implementation: the entry the engine's registry holds. Apart
 * from card.ts so that the card (page-safe) names no engine type and the contract (types.ts) can extend
 * the card without a cycle.
 */
import { narrowParams } from '../params/narrow';
import type { ParamSpecs, ParamValues } from '../params/spec';
import type { ArchitectureCardEntry } from './card';
import type { ArchitectureContext, ArchitectureEntry, BuiltArchitecture } from './types';

/** The tfjs half of an architecture, written against its card's parameter types. */
export interface ArchitectureImplementation<S extends ParamSpecs> {
  build: (params: ParamValues<S>, ctx: ArchitectureContext) => BuiltArchitecture;
}

/** The engine's entry: the card's fields and functions as they are, plus `build` over erased parameters. */
export function implementArchitecture<S extends ParamSpecs>(
  card: ArchitectureCardEntry<S>,
  implementation: ArchitectureImplementation<S>,
): ArchitectureEntry {
  return {
    ...card,
    build: (p, ctx) => implementation.build(narrowParams(card.params, p), ctx),
  };
}
