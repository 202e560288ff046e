/**
 * What the toy lessons' checks share: the CAGrad toy's start points per seed, training all seeds' starts
 * of one setting at once, and float64 measures of where a point ended (Liu et al., NeurIPS 2021,
 * arXiv:2110.14048, Fig. 1; the toy in src/engine/tasks/toy.ts).
 *
 * The toy is deterministic for a start point, so a "seed" here is a small random shift of the lesson's
 * starts (each coordinate moved by up to ±START_SHIFT, drawn from the seed's own stream): a finding that
 * held only for the exact published starts would not hold here. The toy trains up to 16 starts side by
 * side as independent replicas (per-replica method and per-coordinate Adam: no start sees another), so
 * all seeds' starts of one setting train in ONE run, memoised, and each seed's judge reads its own slice:
 * a check costs one run per setting instead of one per setting and seed.
 */
import { parseConfig } from '../config/parse';
import { Rng } from '../random/rng';
import { stableJson, applySettings } from '../study/grid';
import { TOY_PARETO, toyLosses } from '../tasks/toy';
import type { Lesson } from '../lessons/types';
import { type PointEnd, trainPointEnds } from './train-config';

/** How far (per coordinate) a seed moves each start: enough to break the (0, 0) start's symmetry. */
export const START_SHIFT = 0.25;
/** The toy's θ box. */
const BOX = 10;

/** The lesson's starts, each coordinate shifted by a uniform draw in ±START_SHIFT from `seed`'s stream. */
export function shiftedStarts(starts: readonly (readonly number[])[], seed: number): number[][] {
  const rng = new Rng(seed).fork('lesson-starts');
  return starts.map((s) =>
    s.map((v) => Math.min(BOX, Math.max(-BOX, v + rng.uniform(-START_SHIFT, START_SHIFT)))),
  );
}

/** The lesson's config (a config lesson; the toy's starts default to the paper's five). */
function lessonConfig(lesson: Lesson): Record<string, unknown> {
  if (lesson.setup.kind !== 'config')
    throw new Error(`lesson ${lesson.id}: the toy checks need a config lesson, got a study`);
  return lesson.setup.config;
}

function startsOf(raw: Record<string, unknown>): number[][] {
  const parsed = parseConfig(raw);
  return parsed.task.params.starts as number[][];
}

const cache = new Map<string, Promise<PointEnd[]>>();

/**
 * Where each of `seed`'s starts ended when the lesson's config, with `settings` applied (paths as in a
 * study grid, e.g. `{ "method.id": "mgda" }`), trains. The first call for a setting trains every seed of
 * `seeds` at once; later calls read the same run.
 */
export async function toyEnds(
  lesson: Lesson,
  settings: Record<string, unknown>,
  seeds: readonly number[],
  seed: number,
  log?: (line: string) => void,
): Promise<PointEnd[]> {
  const base = applySettings(lessonConfig(lesson), settings);
  const starts = startsOf(base);
  const key = stableJson({ base, seeds });
  let run = cache.get(key);
  if (!run) {
    const all = seeds.flatMap((s) => shiftedStarts(starts, s));
    const config = parseConfig(applySettings(base, { 'task.params.starts': all }));
    const label = Object.entries(settings)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    log?.(
      `${lesson.id}: training ${label || "the lesson's config"} (${all.length} starts, ${config.steps} steps)`,
    );
    run = trainPointEnds(config);
    cache.set(key, run);
    // Training is deterministic: a run that failed (diverged) fails every seed that reads it, with the
    // same error, without training again. The no-op handler only keeps the rejection from being reported
    // as unhandled before a judge awaits it.
    run.catch(() => undefined);
  }
  const index = seeds.indexOf(seed);
  if (index < 0) throw new Error(`toyEnds: seed ${seed} is not one of ${seeds.join(', ')}`);
  const ends = await run;
  return ends.slice(index * starts.length, (index + 1) * starts.length);
}

/** The mean of the two (unscaled) toy losses at θ, float64. */
export function meanLoss([x, y]: readonly number[]): number {
  const [l1, l2] = toyLosses(x ?? 0, y ?? 0);
  return (l1 + l2) / 2;
}

/** The smallest mean loss: at TOY_PARETO.meanLossMinimum (toy.test.ts and our tests check it on a grid). */
export const MEAN_LOSS_MINIMUM = meanLoss(TOY_PARETO.meanLossMinimum);

/**
 * The cosine of the two tasks' gradients at θ (float64 central differences). −1 means Pareto-stationary:
 * the gradients point in opposite directions, so no step lowers both losses. Positive loss scales leave
 * it unchanged, so it is measured on the unscaled losses.
 */
export function gradientCosine([x = 0, y = 0]: readonly number[]): number {
  const h = 1e-6;
  const d = (dx: number, dy: number, t: 0 | 1) =>
    (toyLosses(x + dx, y + dy)[t] - toyLosses(x - dx, y - dy)[t]) / (2 * h);
  const g1 = [d(h, 0, 0), d(0, h, 0)] as const;
  const g2 = [d(h, 0, 1), d(0, h, 1)] as const;
  const dot = g1[0] * g2[0] + g1[1] * g2[1];
  return dot / (Math.hypot(...g1) * Math.hypot(...g2));
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Numbers as a verdict shows them: 4 significant decimals are plenty for positions and gaps. */
export const round = (v: number): number => Number(v.toFixed(4));
