/**
 * How a study's runs are dealt to parallel lanes (threads or workers, each training one job at a time).
 * A job is part of one group (runs that differ only in seed), so it still trains as one batched step
 * (train-group.ts). With one lane every group is one job, in plan order. With L lanes each group is cut
 * into L / gcd(G, L) near-equal pieces, so that the G groups give lcm(G, L) jobs, a multiple of L, and no
 * lane idles while another trains a whole group: one group of 5 seeds on 2 lanes trains as 3 + 2, three
 * groups on 2 lanes as six jobs of 3 or 2 seeds. Smaller pieces cost batching (a seed alone is dearer per
 * seed than in a batch of 5: docs/benchmarks.md, "Seeds side by side"), so no group is cut further.
 */

export interface StudyJob {
  /** The group's name (plan-study.ts) */
  group: string;
  /** Indices into the plan, in plan order. */
  runs: number[];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** `runs` cut into `pieces` contiguous parts, larger first, sizes differing by at most one. */
export function cutEvenly<T>(runs: readonly T[], pieces: number): T[][] {
  const count = Math.max(1, Math.min(pieces, runs.length));
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.ceil((runs.length - at) / (count - i));
    out.push(runs.slice(at, at + size));
    at += size;
  }
  return out;
}

/** The jobs of a plan's groups (planGroups) for `lanes` parallel lanes, groups in plan order. */
export function planJobs(groups: readonly StudyJob[], lanes: number): StudyJob[] {
  const live = groups.filter((g) => g.runs.length > 0);
  const width = Math.max(1, Math.floor(lanes));
  const pieces = live.length === 0 ? 1 : width / gcd(live.length, width);
  return live.flatMap(({ group, runs }) => cutEvenly(runs, pieces).map((part) => ({ group, runs: part })));
}
