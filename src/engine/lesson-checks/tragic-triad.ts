/**
 * Lesson 5, "The tragic triad": Yu, Kumar, Gupta, Levine, Hausman & Finn, "Gradient Surgery for Multi-Task
 * Learning", NeurIPS 2020, arXiv:2001.06782, §3 and Theorem 2. Summing task gradients goes wrong when three
 * things meet: the gradients conflict (negative cosine), their magnitudes differ a lot, and the loss is
 * curved, so the large task's step overshoots where the small task needs to go. PCGrad removes from each
 * gradient its component against the other's before summing.
 *
 * The lesson: two sine tasks a quarter period apart (sin x and cos x: they need different features) through
 * a shared bottleneck of 2 units, the second ten times louder (amplitude ratio 10: 100x the loss, about 10x
 * the gradient). A seed holds when, with the louder task,
 * - the small task's (task 1's) test loss under equal weights is at least CLEARLY_WORSE times its loss
 *   under PCGrad (the triad hurts, surgery helps),
 * - the gradients conflict: under equal weights, the mean over reports of the share of task pairs with a
 *   negative cosine is at least CONFLICT (with two tasks: the share of reports in conflict), and
 * - the magnitudes differ: the median over reports of ‖g_2‖ / ‖g_1‖ under equal weights is at least
 *   MAGNITUDE_GAP;
 * and, as the control that takes the magnitude leg away (amplitude ratio 1, same conflict), equal weights'
 * task 1 loss is within SAME_WITHOUT_GAP times PCGrad's. Curvature is the network's (tanh units); the
 * check does not measure it. Measured: seed 5 of 1-5 gets PCGrad stuck too (both methods ~0.2), so the
 * finding holds in most seeds, not all.
 */
import type { Lesson } from '../lessons/types';
import type { RunRecord } from '../study/types';
import { seedRun, sig4, testLosses } from './seed-group-runs';
import type { LessonCheck, SeedVerdict } from './types';

export const TRAGIC_TRIAD_SEEDS = [1, 2, 3, 4, 5] as const;
/** "Clearly worse": EW's task 1 test loss at least this many times PCGrad's. */
export const CLEARLY_WORSE = 2;
/** "Conflict is present": at least this share of reports (task pairs) with a negative cosine. */
export const CONFLICT = 0.3;
/** "A large magnitude difference": the louder task's gradient at least this many times the quieter's. */
export const MAGNITUDE_GAP = 3;
/** Without the magnitude gap, EW's task 1 loss within this factor of PCGrad's (either way). */
export const SAME_WITHOUT_GAP = 1.5;

export const TRAGIC_TRIAD_SETTINGS = {
  ew: {},
  pcgrad: { 'method.id': 'pcgrad' },
  ewEqualScale: { 'task.params.amplitudeRatio': 1 },
  pcgradEqualScale: { 'method.id': 'pcgrad', 'task.params.amplitudeRatio': 1 },
} as const;

type SettingName = keyof typeof TRAGIC_TRIAD_SETTINGS;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** The reports after the untrained step 0 (its gradients describe the initial weights, not training). */
const trainedReports = (record: RunRecord) => record.history.filter((r) => r.step > 0);

/** Mean over reports of the share of task pairs in conflict. */
export const meanConflictShare = (record: RunRecord): number => {
  const reports = trainedReports(record);
  return reports.reduce((s, r) => s + r.gradients.conflictShare, 0) / Math.max(reports.length, 1);
};

/** Median over reports of ‖g_2‖ / ‖g_1‖ (the louder task over the quieter). */
export const medianNormRatio = (record: RunRecord): number =>
  median(trainedReports(record).map((r) => (r.gradients.norms[1] ?? 0) / (r.gradients.norms[0] ?? 1)));

async function judge(lesson: Lesson, seed: number, log?: (line: string) => void): Promise<SeedVerdict> {
  const run = (name: SettingName) =>
    seedRun(lesson, TRAGIC_TRIAD_SETTINGS[name], TRAGIC_TRIAD_SEEDS, seed, log);
  const ew = await run('ew');
  const pcgrad = await run('pcgrad');
  const ewEqual = await run('ewEqualScale');
  const pcgradEqual = await run('pcgradEqualScale');
  const [ewSmall = Number.NaN, ewLarge = Number.NaN] = testLosses(ew);
  const [pcSmall = Number.NaN, pcLarge = Number.NaN] = testLosses(pcgrad);
  const worse = ewSmall / pcSmall;
  const conflict = meanConflictShare(ew);
  const gap = medianNormRatio(ew);
  const equalRatio = (testLosses(ewEqual)[0] ?? Number.NaN) / (testLosses(pcgradEqual)[0] ?? Number.NaN);
  const numbers = {
    'ew.task1': sig4(ewSmall),
    'pcgrad.task1': sig4(pcSmall),
    'ew.task2': sig4(ewLarge),
    'pcgrad.task2': sig4(pcLarge),
    ewOverPcgrad: sig4(worse),
    'ew.conflictShare': sig4(conflict),
    'ew.normRatio': sig4(gap),
    'pcgrad.conflictShare': sig4(meanConflictShare(pcgrad)),
    'equalScale.ewOverPcgrad': sig4(equalRatio),
    'equalScale.normRatio': sig4(medianNormRatio(ewEqual)),
  };
  const holds =
    worse >= CLEARLY_WORSE &&
    conflict >= CONFLICT &&
    gap >= MAGNITUDE_GAP &&
    equalRatio <= SAME_WITHOUT_GAP &&
    equalRatio >= 1 / SAME_WITHOUT_GAP;
  const why =
    `with task 2 ten times louder, task 1's test loss was ${sig4(ewSmall)} under equal weights against ` +
    `${sig4(pcSmall)} under PCGrad (${sig4(worse)}x, needs ${CLEARLY_WORSE}x); the gradients conflicted in ` +
    `${Math.round(conflict * 100)}% of reports (needs ${CONFLICT * 100}%) and task 2's was ${sig4(gap)}x task 1's ` +
    `(needs ${MAGNITUDE_GAP}x); at equal loudness the two methods gave task 1 ${sig4(equalRatio)}x ` +
    `(needs within ${SAME_WITHOUT_GAP}x)`;
  return { seed, holds, numbers, why };
}

export const tragicTriadCheck: LessonCheck = { id: 'tragic-triad', seeds: TRAGIC_TRIAD_SEEDS, judge };
