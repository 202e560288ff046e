/**
 * Lesson 3, "Related tasks help, unrelated tasks hurt": Ma, Zhao, Yi, Chen, Hong & Chi, "Modeling Task
 * Relationships in Multi-task Learning with Multi-gate Mixture-of-Experts", KDD 2018, §3.2-3.3 and §5.3
 * (Figs. 3-4): on synthetic regression tasks whose relatedness is one dial, the cosine p between their
 * weight vectors, the shared-bottom network gets worse as p falls (§3.3), and MMoE (shared experts, one
 * softmax gate per task) is better than the shared bottom at every p (§5.3).
 *
 * The lesson's study (mmoe-synthetic, 2 tasks, 20,000 training samples so that no model overfits) trains
 * the paper's three model shapes at p = 1, 0.9 and 0.5: a shared bottom (one shared hidden layer of 64
 * units), MMoE (8 experts of 16 units, as in the paper) and independent nets, each with a per-task tower
 * of 8 units. The check trains the two ends of the dial, p = 1 and p = 0.5, for each model. With the same
 * seed, both ends draw the same inputs, directions u_1, u_2 and initial weights, so the change of a model's
 * mean test loss between them, Δ = L(p = 0.5) − L(p = 1), is the effect of the dial alone. Independent nets
 * cannot be hurt by p (their task 1 is even the same run at both ends), so their |Δ| is the seed noise of
 * task 2: the yardstick. A seed holds when
 * - the shared bottom loses clearly: Δ_shared ≥ MIN_DROP (the standardised labels have variance 1) and
 *   Δ_shared ≥ NOISE_FACTOR · |Δ_independent|, and
 * - MMoE has a lower mean test loss than the shared bottom at both ends of the dial.
 * Not asserted, because it did not hold seed by seed (measured, 3 seeds: Δ_mmoe < Δ_shared in 1 of 3 at
 * 1,000 steps, 2 of 3 at 2,000): that MMoE's own Δ is the smallest. The paper's version of that claim
 * (MMoE's gap across p is smaller than a single-gate MoE's) is an average over 200 runs; the numbers carry
 * Δ_mmoe so the lesson can show it. Searched further (session 8, seeds 1-5, Δ_mmoe < Δ_shared counted):
 * trained to convergence (4,000 steps) every model fits both tasks (test loss ~0.04) and p stops mattering
 * (3/5); capacity-limited nets at 3,000 steps, MMoE 8 experts of 4 against a shared bottom of 16 units: 5/5,
 * but of 18 (the paper's parameter matching, 16·4·8 + 4·8·2 = 576 weights over 16 + 8·2 per unit) 2/5, of
 * 24: 2/5, and lr 0.002 for 4,000 steps: 1/5. At matched parameters the 5-seed mean Δ is the same for both
 * (0.029 vs 0.031), so the claim is not made here.
 */
import type { Lesson } from '../lessons/types';
import type { RunRecord } from '../study/types';
import { sig4 } from './seed-group-runs';
import { meanTestLoss, narrowedStudy, studySeedRuns, type GridRun } from './study-seed-runs';
import type { LessonCheck, SeedVerdict } from './types';

export const MMOE_CORRELATION_SEEDS = [1, 2, 3] as const;
/** The two ends of the dial the check trains (the lesson's study also has p = 0.9 between them). */
export const RELATED = 1;
export const UNRELATED = 0.5;
/** The shared bottom's mean test loss must rise by at least this much from p = 1 to p = 0.5. */
export const MIN_DROP = 0.03;
/** ...and by at least this many times the independent nets' change (seed noise). */
export const NOISE_FACTOR = 2;

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
      return meanTestLoss(record);
    }) as [number, number];
    numbers[`${model}.testLoss.p${RELATED}`] = sig4(loss[model][0]);
    numbers[`${model}.testLoss.p${UNRELATED}`] = sig4(loss[model][1]);
    numbers[`${model}.drop`] = sig4(loss[model][1] - loss[model][0]);
  }
  const drop = (model: ModelName) => loss[model][1] - loss[model][0];
  const sharedLoses =
    drop('sharedBottom') >= MIN_DROP && drop('sharedBottom') >= NOISE_FACTOR * Math.abs(drop('independent'));
  const mmoeBetter = loss.mmoe.every((l, i) => l < (loss.sharedBottom[i] as number));
  const holds = sharedLoses && mmoeBetter;
  const pair = (model: ModelName) => `${sig4(loss[model][0])} → ${sig4(loss[model][1])}`;
  const why =
    `mean test loss from p = ${RELATED} to p = ${UNRELATED}: shared bottom ${pair('sharedBottom')} ` +
    `(Δ ${sig4(drop('sharedBottom'))}; needs ≥ ${MIN_DROP} and ≥ ${NOISE_FACTOR}× the independent nets' ` +
    `|Δ| ${sig4(Math.abs(drop('independent')))}), MMoE ${pair('mmoe')} (needs to be below the shared bottom ` +
    `at both: ${mmoeBetter ? 'yes' : 'no'}), independent ${pair('independent')}`;
  return { seed, holds, numbers, why };
}

export const mmoeCorrelationCheck: LessonCheck = {
  id: 'mmoe-correlation',
  seeds: MMOE_CORRELATION_SEEDS,
  judge,
};
