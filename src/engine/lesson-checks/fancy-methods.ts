/**
 * Lesson 6, "Do fancy methods help?": Xin, Ghorbani, Gilmer, Garg & Firat, "Do Current Multi-Task
 * Optimization Methods in Deep Learning Even Help?", NeurIPS 2022, arXiv:2209.11379; Kurin, De Palma,
 * Kostrikov, Whiteson & Kumar, "In Defense of the Unitary Scalarization for Deep Multi-Task Learning",
 * NeurIPS 2022, arXiv:2201.04122. Both find that, tuned and repeated over seeds, the specialised
 * multi-task optimisers (PCGrad, MGDA, CAGrad, ...) do not beat plain weighted sums of the losses: their
 * results fall on the front that static weights trace, and their differences are within seed noise.
 *
 * The lesson is a study (issue 12): EW, PCGrad, MGDA, CAGrad, UPGrad and two static weightings on two 2-D
 * patterns with a shared-bottom MLP, five seeds each, with single-task baselines. A study already spans
 * seeds, so a "seed" s of this check is one repetition of the whole study on five seeds of its own,
 * 10·(s − 1) + 1 .. 10·(s − 1) + 5 (the first is the study's own seeds 1-5, what the student runs): the
 * claim is checked on independent studies. A repetition holds when most
 * differences are within seed noise: a strict majority of the settings other than EW (four of the six) are
 * within noise of EW (the study's `withinNoise`: the 95% interval of the seed-paired Δm% difference
 * contains 0). Which settings fell outside, and whether a gradient method was BETTER than EW beyond noise,
 * is reported, not judged: with six comparisons at 95% each, about one study in three shows one such
 * difference by chance alone. Measured: seeds 1-5 and 11-15, all 6 within noise; seeds 21-25, 4 of 6,
 * with CAGrad and UPGrad ahead of EW beyond noise by 0.68 and 0.18 points of Δm% (on seeds 31-35, 5 of 6,
 * MGDA behind).
 */
import { runStudy } from '../runner/run-study';
import { parseStudy } from '../study/parse-study';
import type { GroupSummary } from '../study/types';
import type { Lesson } from '../lessons/types';
import { majorityOf } from './run-check';
import { sig4 } from './seed-group-runs';
import type { LessonCheck, LessonNumbers, SeedVerdict } from './types';

export const FANCY_METHODS_SEEDS = [1, 2, 3] as const;
/** Seeds per repetition of the study (the lesson's own study uses 5). */
export const STUDY_SEEDS = 5;
/** The "fancy" gradient methods, by id (reported when one beats EW beyond noise). */
export const GRADIENT_METHODS = ['pcgrad', 'mgda', 'cagrad', 'upgrad'] as const;

/** The five seeds of repetition `seed`: 10·(seed − 1) + 1 .. 10·(seed − 1) + 5 (repetition 1: seeds 1-5). */
export const repetitionSeeds = (seed: number): number[] =>
  Array.from({ length: STUDY_SEEDS }, (_, k) => 10 * (seed - 1) + k + 1);

/** A group's name for numbers and text: the method id, with static weights spelled out. */
export function settingName(group: GroupSummary): string {
  const method = group.settings.method as { id?: string; params?: { weights?: number[] } } | undefined;
  const id = method?.id ?? (group.settings['method.id'] as string | undefined) ?? group.group;
  return id === 'static' && method?.params?.weights ? `static[${method.params.weights.join(',')}]` : id;
}

async function judge(lesson: Lesson, seed: number, log?: (line: string) => void): Promise<SeedVerdict> {
  if (lesson.setup.kind !== 'study') throw new Error(`lesson ${lesson.id}: its check needs a study lesson`);
  const seeds = repetitionSeeds(seed);
  const spec = parseStudy({ ...lesson.setup.study, seeds });
  log?.(`${lesson.id}: running the study with seeds ${seeds.join(', ')}`);
  const { summary } = await runStudy(spec);
  const [ew, ...others] = summary.groups;
  if (!ew || settingName(ew) !== 'ew')
    throw new Error(`lesson ${lesson.id}: the study's first setting must be equal weights (ew)`);
  const numbers: LessonNumbers = {
    'ew.deltaM': sig4(ew.deltaM?.mean ?? Number.NaN),
    'ew.deltaM.ci95': sig4(ew.deltaM?.ci95 ?? Number.NaN),
  };
  const within: string[] = [];
  const better: string[] = [];
  for (const group of others) {
    const name = settingName(group);
    numbers[`${name}.deltaM`] = sig4(group.deltaM?.mean ?? Number.NaN);
    numbers[`${name}.deltaM.ci95`] = sig4(group.deltaM?.ci95 ?? Number.NaN);
    numbers[`${name}.withinNoise`] = group.withinNoise ? 1 : 0;
    if (group.withinNoise) within.push(name);
    else if (
      (GRADIENT_METHODS as readonly string[]).includes(name) &&
      (group.deltaM?.mean ?? Number.POSITIVE_INFINITY) < (ew.deltaM?.mean ?? Number.NEGATIVE_INFINITY)
    )
      better.push(name);
  }
  numbers.withinNoise = within.length;
  const outside = others.map(settingName).filter((n) => !within.includes(n));
  const needed = majorityOf(others.length);
  numbers.withinNoiseNeeded = needed;
  const holds = within.length >= needed;
  const why =
    `seeds ${seeds[0]}-${seeds.at(-1)}: ${within.length} of ${others.length} settings were within seed noise of ` +
    `equal weights (Δm% ${sig4(ew.deltaM?.mean ?? Number.NaN)} ± ${sig4(ew.deltaM?.ci95 ?? Number.NaN)}; needs ` +
    `${needed})${outside.length ? `, outside: ${outside.join(', ')}` : ''}; ` +
    `${better.length ? `better than EW beyond noise: ${better.join(', ')}` : 'no gradient method was better than EW beyond noise'}`;
  return { seed, holds, numbers, why };
}

export const fancyMethodsCheck: LessonCheck = { id: 'fancy-methods', seeds: FANCY_METHODS_SEEDS, judge };
