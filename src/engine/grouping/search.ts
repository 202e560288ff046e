/**
 * Task grouping from the lookahead affinity: Fifty, Amid, Zhao, Yu, Anil & Finn, "Efficiently Identifying
 * Task Groupings for Multi-Task Networks", NeurIPS 2021, arXiv:2109.04617, §3.2 (network selection).
 *
 * A grouping gives each task one group (`groups[t]` = its group's index); the tasks of a group share one
 * network. As in the paper, a task's score in its group is the MEAN affinity it receives from its group
 * mates, Σ_{j ∈ g, j ≠ i} Z[i][j] / (|g| − 1) (Z[i][j]: the share of task i's loss a step on task j removes,
 * metrics/affinity.ts), and a grouping's score is the sum over tasks. A task alone in its group receives
 * nothing and scores 0: it neither gains nor loses from sharing. The mean (not the sum) is what keeps the
 * search honest: with sums, adding any mildly positive neighbour would always pay, and one big group would
 * win every matrix whose entries are all slightly positive.
 *
 * The paper lets a task sit in several of the chosen groups and serves it from its best one; here each task
 * belongs to exactly one group (a partition), because a task-groups network (architectures/task-groups.ts)
 * gives each task one trunk. The budget is the most groups (networks) allowed. The search is exhaustive over
 * set partitions (restricted-growth strings): the suites have at most 8 tasks, 4140 partitions.
 * Plain numbers, no tfjs: the app's affinity heatmap labels its suggestion with the same function.
 */

/** Per task, its group's index; indices run 0..G-1 and first appear in task order (canonical form). */
export type Grouping = number[];

export type AffinityMatrix = readonly (readonly number[])[];

/** Above this many tasks the exhaustive search (Bell(T) partitions) gets too slow for the page. */
export const MAX_SEARCH_TASKS = 10;

/**
 * Every partition of tasks 0..T-1 into at most `maxGroups` groups, as canonical groupings in
 * lexicographic order (all together first). A restricted-growth string: task t's group is at most one
 * more than the largest group used before it, so each partition appears once.
 */
export function partitions(numTasks: number, maxGroups = numTasks): Grouping[] {
  if (!Number.isInteger(numTasks) || numTasks < 1)
    throw new Error(`partitions: expected at least one task, got ${numTasks}`);
  if (numTasks > MAX_SEARCH_TASKS)
    throw new Error(`partitions: at most ${MAX_SEARCH_TASKS} tasks, got ${numTasks}`);
  const out: Grouping[] = [];
  const current: number[] = [];
  const extend = (t: number, used: number) => {
    if (t === numTasks) {
      out.push([...current]);
      return;
    }
    for (let g = 0; g <= Math.min(used, maxGroups - 1); g++) {
      current[t] = g;
      extend(t + 1, Math.max(used, g + 1));
    }
  };
  extend(0, 0);
  return out;
}

/** Each task's score: the mean affinity it receives from its group mates (0 alone). */
export function receivedAffinity(affinity: AffinityMatrix, groups: readonly number[]): number[] {
  return groups.map((g, i) => {
    const mates = groups.flatMap((h, j) => (h === g && j !== i ? [j] : []));
    if (mates.length === 0) return 0;
    return mates.reduce((s, j) => s + (affinity[i]?.[j] ?? 0), 0) / mates.length;
  });
}

/** A grouping's score: the sum over tasks of the mean affinity received from group mates. */
export const groupingScore = (affinity: AffinityMatrix, groups: readonly number[]): number =>
  receivedAffinity(affinity, groups).reduce((a, b) => a + b, 0);

export interface GroupingProposal {
  groups: Grouping;
  score: number;
  /** How many groupings were scored. */
  candidates: number;
}

/**
 * The grouping with the highest score among those with at most `budget` groups (default: no limit but
 * the number of tasks). Ties go to the first in partitions() order, i.e. to fewer, larger groups.
 */
export function bestGrouping(affinity: AffinityMatrix, budget = affinity.length): GroupingProposal {
  const T = affinity.length;
  if (!Number.isInteger(budget) || budget < 1)
    throw new Error(`bestGrouping: expected a budget of at least 1 group, got ${budget}`);
  const all = partitions(T, Math.min(budget, T));
  let best: GroupingProposal | null = null;
  for (const groups of all) {
    const score = groupingScore(affinity, groups);
    if (!best || score > best.score + 1e-15) best = { groups, score, candidates: all.length };
  }
  if (!best) throw new Error('bestGrouping: no tasks');
  return best;
}

/** The same grouping with its indices renumbered 0..G-1 in order of first appearance. */
export function canonicalGrouping(groups: readonly number[]): Grouping {
  const seen = new Map<number, number>();
  return groups.map((g) => {
    if (!seen.has(g)) seen.set(g, seen.size);
    return seen.get(g) as number;
  });
}

export const groupCount = (groups: readonly number[]): number => new Set(groups).size;

/** "1+2 | 3+4": the groups in 1-based task numbers, in order of their first task, as the lessons write. */
export function groupingLabel(groups: readonly number[]): string {
  const canon = canonicalGrouping(groups);
  const members: number[][] = [];
  canon.forEach((g, t) => (members[g] ??= []).push(t + 1));
  return members.map((m) => m.join('+')).join(' | ');
}

/** Everyone in one network, and everyone alone: the two ends the proposal is compared with. */
export const allTogether = (numTasks: number): Grouping => Array.from({ length: numTasks }, () => 0);
export const allSeparate = (numTasks: number): Grouping => Array.from({ length: numTasks }, (_, t) => t);
