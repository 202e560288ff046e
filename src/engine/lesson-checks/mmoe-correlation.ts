/**
 * Lesson 3, "Related tasks help, unrelated tasks hurt": Ma, Zhao, Yi, Chen, Hong & Chi, "Modeling Task
 * Relationships in Multi-task Learning with Multi-gate Mixture-of-Experts", KDD 2018, §3.2-3.3 and §5.3
 * (Figs. 3-4): on synthetic regression tasks whose relatedness is one dial, the cosine p between their
 * weight vectors, every model gets worse as p falls, the shared bottom the most, and MMoE (shared experts,
 * one softmax gate per task) the least, while being better than the shared bottom at every p.
 *
 * The lesson's study (mmoe-synthetic with m = 3 sine terms, 2 tasks, 20,000 training samples, 1,000 steps)
 * trains three models at p = 1, 0.9 and 0.5, each with a per-task tower of 8 units: a shared bottom of 82
 * units (2,740 parameters), MMoE with 8 experts of 16 units as in the paper (2,738: matched in total, the
 * paper's §5.3 matching) and independent nets of 82 units per task. The check trains the two ends of the
 * dial, p = 1 and p = 0.5. With the same seed, both ends draw the same inputs, directions u_1, u_2 and
 * initial weights, so the change of a model's loss between them, Δ = L(p = 0.5) − L(p = 1), is the effect
 * of the dial alone. L is the mean test loss over the tasks and over the last LAST_REPORTS reports (steps
 * 800-1,000): the paper's Fig. 4 compares loss curves, and the average of the curve's end is that reading
 * without the step-to-step jitter of a single report. Independent nets cannot be hurt by p (their task 1
 * is the same run at both ends), so their |Δ| is the seed noise: the yardstick. A seed holds when
 * - the shared bottom loses clearly: Δ_shared ≥ MIN_DROP and Δ_shared ≥ NOISE_FACTOR · |Δ_independent|,
 * - MMoE has a lower loss than the shared bottom at both ends of the dial, and
 * - MMoE loses less than the shared bottom: Δ_mmoe < Δ_shared.
 * Measured (WASM, `cli lesson check`): seeds 1-3 hold in 2 of 3 (seed 1: the independent nets' |Δ| is
 * 0.0082, more than half the shared bottom's 0.0143); with seeds 1-5, 3 of 5 hold (seed 5: the shared
 * bottom's Δ is only 0.0043), while Δ_mmoe < Δ_shared and MMoE below the shared bottom hold in 5 of 5.
 * The check fails when the finding does not hold: with the grid's MMoE made a shared bottom (1 expert of
 * 82 units, so its single gate is always 1) it exits 1 with 0 of 3 seeds holding.
 *
 * Why m = 3 (the generator's `sines` param; Google's default is 10): with 10 sines (frequencies up to 10
 * along w·x) every model sits on a plateau near loss 0.55 for 500-800 steps and then drops in a few hundred
 * steps, at a seed-dependent moment, so the loss at any fixed budget measures when that drop came, and the
 * seed-to-seed spread of Δ (±0.1) hid every ordering (measured, seeds 1-5, losses at 1,000 steps:
 * Δ_mmoe < Δ_shared in 3/5 with the shared bottom of 64 units, 2/5 on the whole curve; 2/5 at the earlier
 * parameter matching of experts of 4; d = 100 as in the paper overfits at 20,000 samples and p stops
 * mattering, 0/5; m = 4 or 5 still has the plateau, 3-4/5; keras-mmoe's c = 0.3 (a
 * temporary param, not kept), 3/5 with Δ ~ 0.004).
 * With m = 3 the loss falls smoothly and the ordering holds in 5 of 5 seeds (4/5 on the single last
 * report). Trained for 2,000 steps (m = 3 or 4) every model fits both tasks (test loss 0.004-0.015 at
 * m = 3) and p stops mattering (|Δ| ≤ 0.004): the finding is about what a budget buys, as in the paper's
 * curves. MIN_DROP is 0.01 because
 * the losses here are 0.02-0.06 (it was 0.03 when they were 0.2-0.5); NOISE_FACTOR is unchanged.
 * The gates do specialise, moderately (the exploration script computed softmax(W_t x + b_t) from the
 * trained weights over 2,000 fresh inputs, seeds 1-5): at m = 3 the two tasks' gates overlap per input
 * (Σ_e min(g_1e, g_2e)) 0.71-0.80 at p = 1 and 0.59-0.69 at p = 0.5 (at m = 10: 0.47-0.74 and 0.36-0.47);
 * per input they are far from uniform at m = 10 (entropy 0.53-0.79 of log 8), less so at m = 3 (0.85-0.92),
 * while averaged over inputs every expert is used (0.95-0.99): the gates route by input, not by task alone.
 */
import type { Lesson } from '../lessons/types';
import type { RunRecord } from '../study/types';
import { sig4 } from './seed-group-runs';
import { narrowedStudy, studySeedRuns, type GridRun } from './study-seed-runs';
import type { LessonCheck, SeedVerdict } from './types';

export const MMOE_CORRELATION_SEEDS = [1, 2, 3] as const;
/** The two ends of the dial the check trains (the lesson's study also has p = 0.9 between them). */
export const RELATED = 1;
export const UNRELATED = 0.5;
/** The shared bottom's loss must rise by at least this much from p = 1 to p = 0.5 (labels of variance 1). */
export const MIN_DROP = 0.01;
/** ...and by at least this many times the independent nets' change (seed noise). */
export const NOISE_FACTOR = 2;

/** L is the mean test loss over this many of the last reports (steps 800, 900 and 1,000 of the lesson). */
export const LAST_REPORTS = 3;

const CORRELATION = 'task.params.correlation';

type ModelName = 'sharedBottom' | 'mmoe' | 'independent';

/** Which of the lesson's three models a run trained. */
function modelOf(record: RunRecord): ModelName | null {
  const { id, params } = record.config.architecture;
  if (id === 'mmoe') return 'mmoe';
  if (id !== 'layer-sharing') return null;
  const shared = params.shared as boolean[];
  if (shared.every(Boolean)) return 'sharedBottom';
  return shared.some(Boolean) ? null : 'independent';
}

/** The mean test loss over the tasks and the last LAST_REPORTS reports of a run. */
export function endOfCurveLoss(record: RunRecord): number {
  const last = record.history.slice(-LAST_REPORTS);
  if (last.length < LAST_REPORTS)
    throw new Error(`the lesson's runs must report at least ${LAST_REPORTS} times (reportEvery)`);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  return mean(last.map((r) => mean(r.tasks.map((t) => t.testLoss))));
}

function runOf(runs: GridRun[], model: ModelName, p: number, lesson: Lesson): RunRecord {
  const found = runs.find(
    (r) => modelOf(r.record) === model && r.record.config.task.params.correlation === p,
  );
  if (!found)
    throw new Error(`lesson ${lesson.id}: its study must train the ${model} model at ${CORRELATION} = ${p}`);
  return found.record;
}

async function judge(lesson: Lesson, seed: number, log?: (line: string) => void): Promise<SeedVerdict> {
  // Fail early, before any training, if the lesson's grid lacks an end of the dial.
  narrowedStudy(lesson, { [CORRELATION]: [RELATED, UNRELATED] });
  const runs = await studySeedRuns(lesson, MMOE_CORRELATION_SEEDS, seed, log, {
    [CORRELATION]: [RELATED, UNRELATED],
  });
  const numbers: Record<string, number> = {};
  const loss = {} as Record<ModelName, [number, number]>;
  for (const model of ['sharedBottom', 'mmoe', 'independent'] as const) {
    loss[model] = [RELATED, UNRELATED].map((p) => {
      const record = runOf(runs, model, p, lesson);
      // Per task too: task 1's direction is the same at every p, task 2's turns away from it.
      record.final?.tasks.forEach(
        (t, k) => (numbers[`${model}.task${k + 1}.testLoss.p${p}`] = sig4(t.testLoss)),
      );
      return endOfCurveLoss(record);
    }) as [number, number];
    numbers[`${model}.endLoss.p${RELATED}`] = sig4(loss[model][0]);
    numbers[`${model}.endLoss.p${UNRELATED}`] = sig4(loss[model][1]);
    numbers[`${model}.drop`] = sig4(loss[model][1] - loss[model][0]);
  }
  const drop = (model: ModelName) => loss[model][1] - loss[model][0];
  const sharedLoses =
    drop('sharedBottom') >= MIN_DROP && drop('sharedBottom') >= NOISE_FACTOR * Math.abs(drop('independent'));
  const mmoeBetter = loss.mmoe.every((l, i) => l < (loss.sharedBottom[i] as number));
  const mmoeLosesLess = drop('mmoe') < drop('sharedBottom');
  const holds = sharedLoses && mmoeBetter && mmoeLosesLess;
  const pair = (model: ModelName) => `${sig4(loss[model][0])} → ${sig4(loss[model][1])}`;
  const why =
    `mean test loss of the last ${LAST_REPORTS} reports from p = ${RELATED} to p = ${UNRELATED}: ` +
    `shared bottom ${pair('sharedBottom')} ` +
    `(Δ ${sig4(drop('sharedBottom'))}; needs ≥ ${MIN_DROP} and ≥ ${NOISE_FACTOR}× the independent nets' ` +
    `|Δ| ${sig4(Math.abs(drop('independent')))}), MMoE ${pair('mmoe')} (needs to be below the shared bottom ` +
    `at both: ${mmoeBetter ? 'yes' : 'no'}; Δ ${sig4(drop('mmoe'))}, needs to be below the shared bottom's: ` +
    `${mmoeLosesLess ? 'yes' : 'no'}), independent ${pair('independent')}`;
  return { seed, holds, numbers, why };
}

export const mmoeCorrelationCheck: LessonCheck = {
  id: 'mmoe-correlation',
  seeds: MMOE_CORRELATION_SEEDS,
  judge,
};
