/**
 * The optional config sections: levers beyond one model trained on one machine (issue 15). Each is a
 * registry choice `{ id, params }` like `method`, absent (or `id: 'none'`) when off, so every config written
 * before they existed means exactly what it meant. `communication` and `embeddingCache` change how the usual
 * trainer computes a step; `meta` and `merging` replace the joint training itself (another trainer with the
 * same contract), so at most one of those two, and neither with the step levers.
 */
import { CACHE_CARDS } from '../embedding-cache/catalogue';
import { COMPRESSOR_CARDS } from '../communication/catalogue';
import { MERGE_CARDS } from '../merging/catalogue';
import { META_CARDS } from '../meta/catalogue';
import type { ConfigIssue } from '../params/spec';
import type { SectionCard } from './section-card';
import type { ExperimentConfig } from './types';

export const SECTION_KEYS = ['communication', 'embeddingCache', 'meta', 'merging'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

interface SectionInfo {
  /** What an entry is called in messages ("unknown compressor ..."). */
  noun: string;
  /** A title for the app and `cli list`. */
  title: string;
  cards: () => readonly SectionCard[];
  /** Whether it replaces joint training (another trainer) rather than changing its step. */
  procedure: boolean;
}

export const SECTIONS: Record<SectionKey, SectionInfo> = {
  communication: {
    noun: 'compressor',
    title: 'Simulated workers and gradient compression',
    cards: () => COMPRESSOR_CARDS,
    procedure: false,
  },
  embeddingCache: {
    noun: 'embedding cache',
    title: 'Embedding cache of the shared bottom',
    cards: () => CACHE_CARDS,
    procedure: false,
  },
  meta: { noun: 'meta-learner', title: 'Meta-learning', cards: () => META_CARDS, procedure: true },
  merging: { noun: 'merge method', title: 'Model merging', cards: () => MERGE_CARDS, procedure: true },
};

export const findSectionCard = (key: SectionKey, id: string): SectionCard | undefined =>
  SECTIONS[key].cards().find((c) => c.id === id);

/** The sections a config turns on, in SECTION_KEYS order. */
export const activeSections = (config: ExperimentConfig): SectionKey[] =>
  SECTION_KEYS.filter((k) => config[k] !== undefined);

/** Checks across sections, then each chosen card's own check with the rest of the experiment. */
export function sectionChecks(config: ExperimentConfig, numTasks: number): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const on = activeSections(config);
  const procedures = on.filter((k) => SECTIONS[k].procedure);
  if (procedures.length > 1)
    issues.push({
      path: procedures[1] as string,
      message: `only one of meta, merging may be on (they replace joint training in different ways); got both`,
      accepted: "one of them, or id 'none'",
    });
  else if (procedures.length === 1) {
    const steps = on.filter((k) => !SECTIONS[k].procedure);
    for (const k of steps)
      issues.push({
        path: k,
        message: `not with ${procedures[0]} (which trains its own way); set ${k}.id to 'none' or turn ${procedures[0]} off`,
        accepted: "id 'none'",
      });
  }
  for (const key of on) {
    const selection = config[key];
    const card = selection && findSectionCard(key, selection.id);
    const own = card?.check?.(selection?.params ?? {}, { numTasks, config }) ?? [];
    issues.push(...own.map((i) => ({ ...i, path: i.path ? `${key}.params.${i.path}` : `${key}.id` })));
  }
  return issues;
}
