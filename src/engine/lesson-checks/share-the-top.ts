/**
 * Lesson 4, "Share the top, not the bottom": Zhang, Zhang, Yang & Yeung, "Rethinking Hard-Parameter
 * Sharing in Multi-Domain Learning", arXiv 2107.11359 (2021), §3-4: when domains differ in their low-level
 * input statistics but share the task on top, a network with a separate (per-domain) bottom and a shared
 * top beats the common shared-bottom network, and comes close to independent per-domain networks while
 * owning far fewer task-specific parameters.
 *
 * The lesson's study (rotated-domains suite: four domains, each labelled by the same random teacher network
 * through its own fixed rotation of the input; layer-sharing MLP 16-16) trains the three sharing masks:
 * [shared, shared] (shared bottom), [own, shared] (separate bottom, shared top) and [own, own]
 * (independent). A seed holds when, on the mean test loss over the domains,
 * - the separate bottom beats the shared bottom by at least MIN_GAIN of the shared bottom's loss, and
 * - it gets at least half way from the shared bottom to the independent nets:
 *   L_sep ≤ (L_shared + L_indep) / 2.
 * The verdict names each network's task-specific parameters per domain (the price of not sharing).
 */
import type { Lesson } from '../lessons/types';
import type { RunRecord } from '../study/types';
import { sig4 } from './seed-group-runs';
import { meanTestLoss, studySeedRuns, type GridRun } from './study-seed-runs';
import type { LessonCheck, SeedVerdict } from './types';

export const SHARE_THE_TOP_SEEDS = [1, 2, 3] as const;
/** The separate bottom must lower the shared bottom's mean test loss by at least this fraction. */
export const MIN_GAIN = 0.1;

/** The three sharing masks the lesson compares, by the name the numbers use. */
const MASKS = {
  sharedBottom: [true, true],
  separateBottom: [false, true],
  independent: [false, false],
} as const;
type MaskName = keyof typeof MASKS;

function runWithMask(runs: GridRun[], name: MaskName, lesson: Lesson): RunRecord {
  const mask = JSON.stringify(MASKS[name]);
  const found = runs.find((r) => JSON.stringify(r.record.config.architecture.params.shared) === mask);
  if (!found)
    throw new Error(
      `lesson ${lesson.id}: its study must train architecture.params.shared = ${mask} (${name})`,
    );
  return found.record;
}

async function judge(lesson: Lesson, seed: number, log?: (line: string) => void): Promise<SeedVerdict> {
  const runs = await studySeedRuns(lesson, SHARE_THE_TOP_SEEDS, seed, log);
  const loss = {} as Record<MaskName, number>;
  const own = {} as Record<MaskName, number>;
  for (const name of Object.keys(MASKS) as MaskName[]) {
    const record = runWithMask(runs, name, lesson);
    loss[name] = meanTestLoss(record);
    own[name] = record.info?.parameters.taskSpecificPerTask ?? Number.NaN;
  }
  const gain = (loss.sharedBottom - loss.separateBottom) / loss.sharedBottom;
  const halfway = (loss.sharedBottom + loss.independent) / 2;
  const gapClosed = (loss.sharedBottom - loss.separateBottom) / (loss.sharedBottom - loss.independent);
  const holds = gain >= MIN_GAIN && loss.separateBottom <= halfway;
  const numbers = {
    'sharedBottom.testLoss': sig4(loss.sharedBottom),
    'separateBottom.testLoss': sig4(loss.separateBottom),
    'independent.testLoss': sig4(loss.independent),
    'separateBottom.gain': sig4(gain),
    'separateBottom.gapClosed': sig4(gapClosed),
    'sharedBottom.taskParams': own.sharedBottom,
    'separateBottom.taskParams': own.separateBottom,
    'independent.taskParams': own.independent,
  };
  const why =
    `mean test loss: shared bottom ${sig4(loss.sharedBottom)}, separate bottom/shared top ` +
    `${sig4(loss.separateBottom)} (${sig4(100 * gain)}% lower; needs ${100 * MIN_GAIN}%), independent ` +
    `${sig4(loss.independent)}; the separate bottom closes ${sig4(100 * gapClosed)}% of the gap to ` +
    `independent nets (needs 50%) with ${own.separateBottom} task-specific parameters per domain against ` +
    `${own.independent}`;
  return { seed, holds, numbers, why };
}

export const shareTheTopCheck: LessonCheck = { id: 'share-the-top', seeds: SHARE_THE_TOP_SEEDS, judge };
