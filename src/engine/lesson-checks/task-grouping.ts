/**
 * Lesson 7, "Which tasks should train together?": Fifty, Amid, Zhao, Yu, Anil & Finn, "Efficiently
 * Identifying Task Groupings for Multi-Task Networks", NeurIPS 2021, arXiv:2109.04617 (task affinity
 * grouping, TAG). Train all tasks together once, measure how much a step on task j alone lowers task i's
 * loss (the lookahead affinity, metrics/affinity.ts), and group the tasks that help each other.
 *
 * The lesson: four 2-D classification tasks in two latent pairs, two noisy copies of the xor pattern and
 * two of the circle (each copy with its own 10% of flipped training labels), one shared network. A seed
 * holds when
 * - the affinity averaged over training is block-diagonal: every entry inside a latent pair is larger than
 *   every entry between the pairs (off the diagonal, which is each task's own progress), and
 * - the suggested grouping (the pairing with the most affinity inside its pairs, grouping/pairings.ts) is
 *   the latent pairing.
 * The latent pairs are read from the config: tasks with the same pattern.
 */
import type { Lesson } from '../lessons/types';
import { bestPairing, pairingLabel, type Pairing } from '../grouping/pairings';
import { lessonConfig, seedRun, sig4 } from './seed-group-runs';
import type { LessonCheck, SeedVerdict } from './types';

export const TASK_GROUPING_SEEDS = [1, 2, 3] as const;

/** The pairs of tasks that share a pattern, from the lesson's config (`task.params.patterns`). */
export function latentPairing(lesson: Lesson): Pairing {
  const task = lessonConfig(lesson).task as { params?: { patterns?: unknown } } | undefined;
  const patterns = task?.params?.patterns;
  if (!Array.isArray(patterns) || patterns.length % 2 !== 0)
    throw new Error(`lesson ${lesson.id}: expected an even list of patterns in task.params.patterns`);
  const pairing: Pairing = [];
  patterns.forEach((p, i) => {
    const j = patterns.findIndex((q, k) => k > i && q === p);
    if (j > 0 && !pairing.some(([a, b]) => [a, b].includes(i) || [a, b].includes(j))) pairing.push([i, j]);
  });
  if (pairing.length * 2 !== patterns.length)
    throw new Error(`lesson ${lesson.id}: expected every pattern exactly twice, got ${patterns.join(', ')}`);
  return pairing;
}

/** The smallest affinity inside the pairs and the largest between them (both off the diagonal). */
export function blockSeparation(
  affinity: readonly (readonly number[])[],
  pairing: Pairing,
): { minWithin: number; maxAcross: number } {
  const partner = new Map<number, number>();
  for (const [i, j] of pairing) partner.set(i, j).set(j, i);
  let minWithin = Number.POSITIVE_INFINITY;
  let maxAcross = Number.NEGATIVE_INFINITY;
  affinity.forEach((row, i) =>
    row.forEach((z, j) => {
      if (i === j) return;
      if (partner.get(i) === j) minWithin = Math.min(minWithin, z);
      else maxAcross = Math.max(maxAcross, z);
    }),
  );
  return { minWithin, maxAcross };
}

async function judge(lesson: Lesson, seed: number, log?: (line: string) => void): Promise<SeedVerdict> {
  const record = await seedRun(lesson, {}, TASK_GROUPING_SEEDS, seed, log);
  const affinity = record.history.at(-1)?.affinity;
  if (!affinity || affinity.samples === 0)
    throw new Error(`lesson ${lesson.id}: the run measured no affinity (set isolation.affinityEvery)`);
  const latent = latentPairing(lesson);
  const { pairing, score } = bestPairing(affinity.matrix);
  const { minWithin, maxAcross } = blockSeparation(affinity.matrix, latent);
  const recovered = pairingLabel(pairing) === pairingLabel(latent);
  const blockDiagonal = minWithin > maxAcross;
  const numbers = {
    minWithinPair: sig4(minWithin),
    maxAcrossPairs: sig4(maxAcross),
    bestPairingScore: sig4(score),
    recovered: recovered ? 1 : 0,
    samples: affinity.samples,
  };
  const why =
    `over ${affinity.samples} sampled steps the smallest affinity inside the pairs ${pairingLabel(latent)} was ` +
    `${sig4(minWithin)} against at most ${sig4(maxAcross)} between them (${blockDiagonal ? '' : 'not '}block-diagonal); ` +
    `the suggested grouping was ${pairingLabel(pairing)} (${recovered ? 'the latent pairs' : 'NOT the latent pairs'})`;
  return { seed, holds: recovered && blockDiagonal, numbers, why };
}

export const taskGroupingCheck: LessonCheck = { id: 'task-grouping', seeds: TASK_GROUPING_SEEDS, judge };
