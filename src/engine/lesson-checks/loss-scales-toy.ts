/**
 * Lesson 2, "Unequal loss scales": Navon, Shamsian, Achituve, Maron, Kawaguchi, Chechik & Fetaya,
 * "Multi-Task Learning as a Bargaining Game" (Nash-MTL), ICML 2022, arXiv:2202.01017, §6.1: the CAGrad toy
 * with one loss multiplied by 0.1. Linear scalarization (EW: the gradient of L1 + L2) is dragged towards
 * the large loss, while a method whose update direction does not depend on the losses' scales ends where it
 * ended without the scaling: Nash-MTL (α_t → α_t / c solves the scaled bargaining system, so the update is
 * unchanged) and IMTL-G (equal projections onto the UNIT task gradients). MGDA is not one of them: its
 * min-norm point of the gradients' convex hull lies near the smaller gradient, so it is pulled the other
 * way, towards the small loss.
 *
 * Every method trains each seed's shifted starts (toy-runs.ts) with loss scales [1, 1] and [0.1, 1]; a
 * start's shift is θ1(scaled) − θ1(equal) (the Pareto set runs along θ1, from L2's minimum side at −7 to
 * L1's at +7). A seed holds when EW's median shift is at most −DRAG (towards the large loss L2), MGDA's at
 * least +DRAG (towards the small loss L1), and Nash-MTL's and IMTL-G's median |shift| at most STAY times
 * EW's. IMTL-G's direction is scale-free but its length is not (its weights sum to 1), and Adam turns a
 * different length history into a slightly different path: it moves a little (a few tenths), Nash-MTL,
 * whose whole update is scale-free, hardly at all.
 */
import type { Lesson } from '../lessons/types';
import { TrainingDivergedError } from '../train/errors';
import { median, round, toyEnds } from './toy-runs';
import type { LessonCheck, LessonNumbers, SeedVerdict } from './types';

export const LOSS_SCALES_TOY_SEEDS = [1, 2, 3] as const;
/** The Nash-MTL paper's scales: L1 times 0.1. */
export const SCALED = [0.1, 1];
const EQUAL = [1, 1];
/** A median move along the Pareto set (length 14) of at least this is "dragged". */
export const DRAG = 1;
/** "Stays where it was": a median move of at most this fraction of EW's. */
export const STAY = 0.2;

const METHODS = {
  ew: { 'method.id': 'ew' },
  mgda: { 'method.id': 'mgda' },
  // IMTL's gradient balance alone: its loss balance (IMTL-L) assumes positive losses, and the toy's are not.
  'imtl-g': { 'method.id': 'imtl', 'method.params': { mode: 'gradient' } },
  'nash-mtl': { 'method.id': 'nash-mtl' },
} as const;
type Method = keyof typeof METHODS;

async function shifts(lesson: Lesson, method: Method, seed: number, log?: (line: string) => void) {
  const run = (scale: number[]) =>
    toyEnds(lesson, { ...METHODS[method], 'task.params.lossScale': scale }, LOSS_SCALES_TOY_SEEDS, seed, log);
  const equal = await run(EQUAL);
  const scaled = await run(SCALED);
  return scaled.map((e, i) => (e.theta[0] ?? 0) - (equal[i]?.theta[0] ?? 0));
}

async function judge(lesson: Lesson, seed: number, log?: (line: string) => void): Promise<SeedVerdict> {
  const numbers: LessonNumbers = {};
  const med: Record<Method, number> = { ew: NaN, mgda: NaN, 'imtl-g': NaN, 'nash-mtl': NaN };
  const diverged: string[] = [];
  for (const method of Object.keys(METHODS) as Method[]) {
    let moved: number[];
    try {
      moved = await shifts(lesson, method, seed, log);
    } catch (error) {
      // One method's divergence fails the seed, but the others' numbers are still worth printing.
      if (!(error instanceof TrainingDivergedError)) throw error;
      diverged.push(`${method}: ${error.message}`);
      numbers[`${method}.diverged`] = 1;
      continue;
    }
    med[method] = median(moved);
    numbers[`${method}.medianShift`] = round(med[method]);
    numbers[`${method}.medianAbsShift`] = round(median(moved.map(Math.abs)));
    numbers[`${method}.maxAbsShift`] = round(Math.max(...moved.map(Math.abs)));
  }
  const ewMoved = numbers['ew.medianAbsShift'] ?? 0;
  const stay = (m: Method) => (numbers[`${m}.medianAbsShift`] ?? Infinity) <= STAY * ewMoved;
  const holds = !diverged.length && med.ew <= -DRAG && med.mgda >= DRAG && stay('imtl-g') && stay('nash-mtl');
  const f = (v: number) => v.toFixed(2);
  const why =
    `with L1 scaled by 0.1 the end points' θ1 moved by a median ${f(med.ew)} for EW (needs ≤ ${-DRAG}: ` +
    `towards the large loss), ${f(med.mgda)} for MGDA (needs ≥ ${DRAG}: towards the small loss), and ` +
    `|${f(numbers['imtl-g.medianAbsShift'] ?? NaN)}| for IMTL-G, |${f(numbers['nash-mtl.medianAbsShift'] ?? NaN)}| ` +
    `for Nash-MTL (each needs ≤ ${f(STAY * ewMoved)}, ${STAY} of EW's)` +
    (diverged.length ? `; training diverged for ${diverged.join('; ')}` : '');
  return { seed, holds, numbers, why };
}

export const lossScalesToyCheck: LessonCheck = { id: 'loss-scales-toy', seeds: LOSS_SCALES_TOY_SEEDS, judge };
