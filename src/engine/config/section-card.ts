/**
 * The card of an entry in one of the optional config sections (sections.ts): a gradient compressor between
 * simulated workers, an embedding cache, a meta-learner, a merge method. Page-safe, like every card: its id,
 * words, citation, parameter spec and pure checks; the tfjs side (if any) lives in the section's registry.
 */
import type { AnyParams, ConfigIssue, ParamSpecs } from '../params/spec';
import type { ViewSpec } from '../views';
import type { ExperimentConfig } from './types';

/** What a card's check may look at besides its own parameters. */
export interface SectionContext {
  numTasks: number;
  /** The rest of the experiment (already valid on its own). */
  config: ExperimentConfig;
}

export interface SectionCard<S extends ParamSpecs = ParamSpecs> {
  id: string;
  label: string;
  /** One or two sentences for a student: what it does and what it trades. */
  summary: string;
  /** The paper(s), as in every other card; '' only for the `none` entry. */
  citation: string;
  params: S;
  /** Problems of this choice in this experiment, each with a path inside `params` (or '' for the id). */
  check?(params: AnyParams, ctx: SectionContext): ConfigIssue[] | undefined;
  /** Pictures the app draws for this choice beyond the standard charts. */
  views?(params: AnyParams): ViewSpec[];
}

/** Keeps the card's parameter spec type, so its implementation receives typed values. */
export const defineSectionCard = <S extends ParamSpecs>(card: SectionCard<S>): SectionCard<S> => card;

/** Every section's "off" entry: the config behaves exactly as without the section. */
export const noneCard = (what: string): SectionCard =>
  defineSectionCard({
    id: 'none',
    label: 'None',
    summary: `No ${what}: the experiment trains as usual.`,
    citation: '',
    params: {},
  });
