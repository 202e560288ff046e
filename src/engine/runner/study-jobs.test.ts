import { describe, expect, it } from 'vitest';
import { cutEvenly, planJobs, type StudyJob } from './study-jobs';

const groups = (...sizes: number[]): StudyJob[] => {
  let next = 0;
  return sizes.map((size, g) => ({ group: `g${g}`, runs: Array.from({ length: size }, () => next++) }));
};
const sizes = (jobs: StudyJob[]) => jobs.map((j) => `${j.group}:${j.runs.length}`);

describe('planJobs', () => {
  it('keeps every group whole on one lane', () => {
    expect(sizes(planJobs(groups(5, 5, 5), 1))).toEqual(['g0:5', 'g1:5', 'g2:5']);
  });

  it('cuts one group of 5 seeds into 3 + 2 for two lanes, and 2 + 1 + 1 + 1 for four', () => {
    expect(planJobs(groups(5), 2)).toEqual([
      { group: 'g0', runs: [0, 1, 2] },
      { group: 'g0', runs: [3, 4] },
    ]);
    expect(sizes(planJobs(groups(5), 4))).toEqual(['g0:2', 'g0:1', 'g0:1', 'g0:1']);
  });

  it('gives a multiple of the lanes when groups allow: lcm(groups, lanes) jobs', () => {
    expect(sizes(planJobs(groups(5, 5, 5), 2))).toEqual(['g0:3', 'g0:2', 'g1:3', 'g1:2', 'g2:3', 'g2:2']);
    expect(planJobs(groups(5, 5, 5, 5), 2)).toHaveLength(4);
    expect(planJobs(groups(6, 6), 4)).toHaveLength(4);
    expect(planJobs(groups(8, 8, 8), 4)).toHaveLength(12);
  });

  it('never cuts a group into more pieces than it has runs', () => {
    expect(sizes(planJobs(groups(1, 2), 4))).toEqual(['g0:1', 'g1:1', 'g1:1']);
  });

  it('deals every run exactly once, within its own group, in plan order (property)', () => {
    for (let trial = 0; trial < 200; trial++) {
      const counts = Array.from({ length: 1 + (trial % 7) }, (_, i) => ((trial * 7 + i * 3) % 9) + 1);
      const lanes = 1 + (trial % 6);
      const given = groups(...counts);
      const jobs = planJobs(given, lanes);
      expect(jobs.flatMap((j) => j.runs)).toEqual(given.flatMap((g) => g.runs));
      for (const job of jobs) {
        const owner = given.find((g) => g.group === job.group);
        expect(job.runs.every((r) => owner?.runs.includes(r))).toBe(true);
        expect(job.runs.length).toBeGreaterThan(0);
      }
      // Pieces of one group differ in size by at most one.
      for (const g of given) {
        const parts = jobs.filter((j) => j.group === g.group).map((j) => j.runs.length);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('cutEvenly', () => {
  it('puts the larger parts first and returns one part for one piece', () => {
    expect(cutEvenly([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([
      [1, 2, 3],
      [4, 5],
      [6, 7],
    ]);
    expect(cutEvenly([1, 2], 1)).toEqual([[1, 2]]);
    expect(cutEvenly([], 3)).toEqual([[]]);
  });
});
