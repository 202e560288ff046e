/**
 * The page-safe half of a sharing architecture: its card (id, label, citation, parameter spec, cost, the
 * cross-field check and the diagram, all pure functions of the parameters); implement.ts joins a card to
 * its tfjs implementation. The page (main thread) imports cards through catalogue.ts and never
 * loads tfjs; the engine imports implementations through registry.ts. Adding an architecture:
 * `<id>.card.ts` (defineArchitectureCard), `<id>.ts` (implementArchitecture with `build`), one line in
 * each registry.
 *
 * Types: a card is written against its own parameter types (`ParamValues<typeof params>`), so reading
 * `p.widths` is checked; the erased entry the registries hold takes validated `AnyParams` and narrows them
 * with `narrowParams` before calling the card's functions (no casts).
 */
import { narrowParams } from '../params/narrow';
import type { AnyParams, ConfigIssue, ParamSpecs, ParamValues } from '../params/spec';
import type { DiagramRow } from './diagram';

/** What a card says whatever its parameter types. */
interface CardFields<S extends ParamSpecs> {
  /** Lowercase id: the same string in URL, CLI, config and UI. */
  id: string;
  label: string;
  /** hard, soft or expert sharing; `point` for objective suites whose parameters are θ itself. */
  group: 'hard' | 'soft' | 'expert' | 'point';
  /** One or two sentences for the UI's info tip and `cli list`. */
  summary: string;
  /** The paper the architecture follows. */
  citation: string;
  params: S;
  /** What the stacked-gradient trick costs: `linear` in T, or `quadratic` when every task reads every column. */
  stackedCost: 'linear' | 'quadratic';
}

/**
 * A card as its file writes it: functions of its own typed parameters. (Functions are properties, not
 * methods, here and below: none uses `this`, so they may be passed around and destructured.)
 */
export interface ArchitectureCard<S extends ParamSpecs = ParamSpecs> extends CardFields<S> {
  /** Cross-field checks beyond each parameter's own range; paths relative to the params object. */
  check?: (params: ParamValues<S>, ctx: { numTasks: number }) => ConfigIssue[];
  /** The network as rows of boxes, inputs first and heads last, for the UI's diagram. */
  diagram?: (params: ParamValues<S>, numTasks: number) => DiagramRow[];
}

/**
 * A card as the catalogue holds it: functions of validated, type-erased parameters. `S` survives in
 * `params` so that `implementArchitecture` can type `build` by it.
 */
export interface ArchitectureCardEntry<S extends ParamSpecs = ParamSpecs> extends CardFields<S> {
  check?: (params: AnyParams, ctx: { numTasks: number }) => ConfigIssue[];
  diagram?: (params: AnyParams, numTasks: number) => DiagramRow[];
}

export function defineArchitectureCard<S extends ParamSpecs>(
  card: ArchitectureCard<S>,
): ArchitectureCardEntry<S> {
  const { check, diagram, ...fields } = card;
  const typed = (p: AnyParams): ParamValues<S> => narrowParams(card.params, p);
  return {
    ...fields,
    ...(check && { check: (p: AnyParams, ctx: { numTasks: number }) => check(typed(p), ctx) }),
    ...(diagram && { diagram: (p: AnyParams, numTasks: number) => diagram(typed(p), numTasks) }),
  };
}
