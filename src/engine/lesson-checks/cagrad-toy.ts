/**
 * Lesson 1, "Where do methods stop?": Liu, Liu, Jin, Stone & Liu, "Conflict-Averse Gradient Descent for
 * Multi-task Learning", NeurIPS 2021, arXiv:2110.14048, Fig. 1. On the two-objective toy, CAGrad reaches
 * the minimum of the mean loss, while MGDA and PCGrad stop where they first meet the Pareto set.
 *
 * Every method of the lesson trains from each seed's shifted starts (toy-runs.ts). A seed holds when
 * - CAGrad ends within GAP of the smallest mean loss (computed in float64 from the toy's formula) from all
 *   starts but at most one, and
 * - MGDA and PCGrad each stop ON the Pareto set (float64 gradient cosine ≤ PARETO_COS: no step lowers
 *   both losses) but AWAY from the minimum (mean loss ≥ AWAY above it) from a strict majority of starts.
 * The mean gradient (EW) is measured and reported, not judged: with the lesson's large steps it also
 * reaches the minimum, while with the paper's learning rate of 0.001 it sits for tens of thousands of steps
 * in the narrow valley (the lesson says so).
 */
import type { Lesson } from '../lessons/types';
import { majorityOf } from './run-check';
import { gradientCosine, MEAN_LOSS_MINIMUM, meanLoss, median, round, toyEnds } from './toy-runs';
import type { LessonCheck, LessonNumbers, SeedVerdict } from './types';

export const CAGRAD_TOY_SEEDS = [1, 2, 3] as const;
/** "At the minimum": the mean loss within this of the smallest (its range along the Pareto set is ~4.5). */
export const GAP = 0.01;
/** "Away from the minimum": at least this above it (|θ1| ≳ 1 on the Pareto set). */
export const AWAY = 0.1;
/** "On the Pareto set": the two task gradients this close to opposite. */
export const PARETO_COS = -0.99;

const METHODS = ['ew', 'mgda', 'pcgrad', 'cagrad'] as const;
const LABEL: Record<(typeof METHODS)[number], string> = {
  ew: 'the mean gradient',
  mgda: 'MGDA',
  pcgrad: 'PCGrad',
  cagrad: 'CAGrad',
};

async function judge(lesson: Lesson, seed: number, log?: (line: string) => void): Promise<SeedVerdict> {
  const numbers: LessonNumbers = {};
  const counts = {} as Record<(typeof METHODS)[number], { atMinimum: number; stoppedAway: number }>;
  let starts = 0;
  for (const method of METHODS) {
    // CAGrad keeps the lesson's own parameters (c = 0.5 as in the paper); the others their defaults.
    const settings = method === 'cagrad' ? {} : { 'method.id': method };
    const ends = await toyEnds(lesson, settings, CAGRAD_TOY_SEEDS, seed, log);
    starts = ends.length;
    const gaps = ends.map((e) => meanLoss(e.theta) - MEAN_LOSS_MINIMUM);
    const atMinimum = gaps.filter((g) => g <= GAP).length;
    const stoppedAway = ends.filter(
      (e, i) => gradientCosine(e.theta) <= PARETO_COS && (gaps[i] ?? 0) >= AWAY,
    ).length;
    counts[method] = { atMinimum, stoppedAway };
    numbers[`${method}.atMinimum`] = atMinimum;
    numbers[`${method}.stoppedAway`] = stoppedAway;
    numbers[`${method}.medianGap`] = round(median(gaps));
    numbers[`${method}.medianAbsTheta1`] = round(median(ends.map((e) => Math.abs(e.theta[0] ?? 0))));
  }
  numbers.starts = starts;
  const most = majorityOf(starts);
  const holds =
    counts.cagrad.atMinimum >= starts - 1 &&
    counts.mgda.stoppedAway >= most &&
    counts.pcgrad.stoppedAway >= most;
  const why =
    `CAGrad reached the mean-loss minimum (within ${GAP}) from ${counts.cagrad.atMinimum}/${starts} starts ` +
    `(needs ${starts - 1}); MGDA stopped on the Pareto set at least ${AWAY} above it from ` +
    `${counts.mgda.stoppedAway}/${starts}, PCGrad from ${counts.pcgrad.stoppedAway}/${starts} (each needs ${most}); ` +
    `${LABEL.ew} reached the minimum from ${counts.ew.atMinimum}/${starts}`;
  return { seed, holds, numbers, why };
}

export const cagradToyCheck: LessonCheck = { id: 'cagrad-toy', seeds: CAGRAD_TOY_SEEDS, judge };
