/**
 * A method's card: the page-safe half of its registry entry (id, label, citation, parameter spec,
 * capabilities, pure functions of its parameters, and the test properties it satisfies). Cards import no
 * tfjs, so the page, the config parser and `cli list` read them without loading the engine; the
 * implementation (`<id>.ts`) adds `create` with `implementMethod` (implement.ts).
 *
 * Written typed (`MethodCard<S>`, functions take `ParamValues<S>`), held erased (`MethodCardEntry`,
 * functions take the `AnyParams` of a config): `defineMethodCard` wraps each function with
 * `narrowParams`, the one place where validated parameters become typed values.
 */
import { narrowParams } from '../params/narrow';
import type { AnyParams, ConfigIssue, ParamSpecs, ParamValues } from '../params/spec';

export type MethodGroup = 'loss-weighting' | 'gradient-surgery' | 'multi-objective' | 'robust';
export type PartialTaskPolicy = 'skip' | 'reuse' | 'disabled';

/** The policy a method follows on steps that leave tasks out (see MethodCard.partialTasks). */
export function partialTaskPolicy(card: {
  group: MethodGroup;
  partialTasks?: PartialTaskPolicy;
}): PartialTaskPolicy {
  return card.partialTasks ?? (card.group === 'loss-weighting' ? 'skip' : 'reuse');
}

/**
 * What the registry-wide tests (registry.test.ts, properties.test.ts) check for this method, beyond the
 * contract every method meets. Predicates receive a full parameter set (defaults merged in).
 */
export interface MethodProperties<S extends ParamSpecs> {
  /** Parameter sets the contract and property tests also run, each merged into the defaults. */
  variants: readonly Partial<ParamValues<S>>[];
  /** The weights follow a permutation of the tasks (checked where the method is deterministic). */
  equivariant: boolean;
  /** With 2 tasks, d·g_t ≥ 0 for both (PCGrad). */
  nonConflicting2?: boolean;
  /** d·g_t ≥ −1e-6·|d||g_t| for every task and any number of tasks, under these parameters. */
  nonConflicting?: (params: ParamValues<S>) => boolean;
  /** d·ĝ_t ≥ |d|² for the normalised gradients: the min-norm point of their hull (MGDA). */
  minNorm?: (params: ParamValues<S>) => boolean;
  /** Scaling one task's loss and gradient by c > 0 leaves the direction unchanged (log-loss methods). */
  lossScaleInvariant?: boolean;
  /**
   * The direction is not Σ_t weights_t g_t of this step's gradients: coordinate-wise rules whose weights
   * only summarise per-coordinate choices (GradDrop, trimmed mean), methods combining tracked gradients.
   */
  notWeightedSum?: boolean;
}

export interface MethodCard<S extends ParamSpecs = ParamSpecs> {
  id: string;
  label: string;
  group: MethodGroup;
  /** One or two sentences for the UI's info tip and `cli list`. */
  summary: string;
  citation: string;
  /**
   * Scale convention of `direction`: `sum` (Σ w_t g_t with weights around 1, as LibMTL), `mean` (around
   * the mean gradient) or `convex` (weights on the simplex).
   */
  scale: 'sum' | 'mean' | 'convex';
  params: S;
  /** True when `aggregate` needs the per-task KPIs of the batch (`AggregateInput.kpis`). */
  needsKpis?: boolean;
  /**
   * What the method does on a step in which the sampling strategy left some tasks out (their losses and
   * gradients are unknown): `skip` (the trainer passes a zero gradient row and the last known loss, which
   * a loss weighting handles as "no contribution"), `reuse` (the trainer passes the task's last gradient
   * and loss, for methods whose geometry breaks on a zero row: MGDA, Nash-MTL, ...) or `disabled` (the
   * config is refused with a partial strategy). Default: `skip` for loss weighting, else `reuse`.
   */
  partialTasks?: PartialTaskPolicy;
  /** True when `aggregate` needs gradients with respect to the shared representation. */
  needsRepGrads?: (params: ParamValues<S>) => boolean;
  /** True when the method keeps state across steps (weights history, learnable parameters, ...). */
  stateful: boolean;
  /** True when the method draws random numbers (it then uses ctx.rng, seeded from the config). */
  stochastic: boolean;
  check?: (params: ParamValues<S>, ctx: { numTasks: number }) => ConfigIssue[];
  properties: MethodProperties<S>;
}

/** The declared properties with config-typed predicates (what the registry-wide tests read). */
export interface MethodPropertiesEntry {
  variants: readonly AnyParams[];
  equivariant: boolean;
  nonConflicting2: boolean;
  nonConflicting: (params: AnyParams) => boolean;
  minNorm: (params: AnyParams) => boolean;
  lossScaleInvariant: boolean;
  notWeightedSum: boolean;
}

/** A card as the registries hold it: functions take a config's validated `AnyParams`. */
export interface MethodCardEntry extends Omit<MethodCard, 'needsRepGrads' | 'check' | 'properties'> {
  needsRepGrads?: (params: AnyParams) => boolean;
  check?: (params: AnyParams, ctx: { numTasks: number }) => ConfigIssue[];
  properties: MethodPropertiesEntry;
}

/** An erased card that still knows its parameter spec's type, for `implementMethod`. */
export interface MethodCardOf<S extends ParamSpecs> extends MethodCardEntry {
  params: S;
}

/** A variant as plain config values: the keys it sets. */
function variantParams<S extends ParamSpecs>(variant: Partial<ParamValues<S>>): AnyParams {
  const out: AnyParams = {};
  for (const [key, value] of Object.entries(variant)) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * A card as the registries hold it: each function of the parameters narrows a config's `AnyParams` to the
 * card's typed values first (a TypeError naming the field if validation was skipped), and the declared
 * properties get their defaults (false; predicates that answer false).
 */
export function defineMethodCard<S extends ParamSpecs>(card: MethodCard<S>): MethodCardOf<S> {
  const { needsRepGrads, check, properties, ...fields } = card;
  const narrow = (p: AnyParams) => narrowParams(card.params, p);
  const nonConflicting = properties.nonConflicting;
  const minNorm = properties.minNorm;
  return {
    ...fields,
    ...(needsRepGrads ? { needsRepGrads: (p: AnyParams) => needsRepGrads(narrow(p)) } : {}),
    ...(check ? { check: (p: AnyParams, ctx: { numTasks: number }) => check(narrow(p), ctx) } : {}),
    properties: {
      variants: properties.variants.map((v) => variantParams(v)),
      equivariant: properties.equivariant,
      nonConflicting2: properties.nonConflicting2 ?? false,
      nonConflicting: (p) => nonConflicting?.(narrow(p)) ?? false,
      minNorm: (p) => minNorm?.(narrow(p)) ?? false,
      lossScaleInvariant: properties.lossScaleInvariant ?? false,
      notWeightedSum: properties.notWeightedSum ?? false,
    },
  };
}
