/**
 * The comparison a proposed grouping asks for (Fifty et al., NeurIPS 2021, arXiv:2109.04617, §4: train the
 * selected groups and compare them with training all tasks together and each task alone): one study over
 * `architecture.params.groups` of the task-groups architecture, with every task together, the proposal,
 * and every task apart, over the same seeds. Page-safe: `cli group` and the affinity heatmap's button
 * build the same study file.
 */
import { allSeparate, allTogether, canonicalGrouping, groupingLabel } from './search';

/** What the three grid points are called, in the grid's order (duplicates of an end are dropped). */
export type GroupingRole = 'all together' | 'proposal' | 'all separate';

export interface GroupingStudy {
  /** A study file `{ name, base, grid, seeds, baselines }` (engine/study/parse-study.ts checks it). */
  spec: {
    name: string;
    base: Record<string, unknown>;
    grid: { 'architecture.params.groups': number[][] };
    seeds: number;
    baselines: false;
  };
  /** Per grid point, in order, which of the three it is (the proposal may coincide with an end). */
  roles: { role: GroupingRole; groups: number[]; label: string }[];
}

/** Trunk settings that carry over from an MLP-like architecture to task-groups' trunks and heads. */
const CARRIED = ['widths', 'activation', 'headLayers', 'headWidth'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The study comparing `proposal` with the two ends, on `base` (a config as a user writes it, or a resolved
 * one). The base keeps its task, method, optimizer and budget; its architecture becomes task-groups with
 * the old one's widths, activation and heads where it had them; the affinity measurement is switched off
 * (the study compares test losses; the lookahead would only slow it down).
 */
export function groupingStudy(
  base: Record<string, unknown>,
  proposal: readonly number[],
  seeds: number,
): GroupingStudy {
  const T = proposal.length;
  const old = isRecord(base.architecture) ? base.architecture : {};
  const oldParams = isRecord(old.params) ? old.params : {};
  const params = Object.fromEntries(CARRIED.flatMap((k) => (k in oldParams ? [[k, oldParams[k]]] : [])));
  const isolation = isRecord(base.isolation) ? { ...base.isolation, affinityEvery: 0 } : undefined;
  const candidates: GroupingStudy['roles'] = [
    { role: 'all together', groups: allTogether(T), label: '' },
    { role: 'proposal', groups: canonicalGrouping(proposal), label: '' },
    { role: 'all separate', groups: allSeparate(T), label: '' },
  ];
  const roles = candidates
    .map((r) => ({ ...r, label: groupingLabel(r.groups) }))
    .filter((r, i, all) => all.findIndex((o) => o.label === r.label) === i);
  return {
    spec: {
      name: `Task grouping ${groupingLabel(proposal)} vs all together and all separate`,
      base: {
        ...base,
        architecture: { id: 'task-groups', params: { ...params, groups: allTogether(T) } },
        ...(isolation ? { isolation } : {}),
      },
      grid: { 'architecture.params.groups': roles.map((r) => r.groups) },
      seeds,
      baselines: false,
    },
    roles,
  };
}
