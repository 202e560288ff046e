/**
 * Lesson "1-bit gradients need error feedback" (issue 15 §1, expected finding): Seide, Fu, Droppo, Li & Yu,
 * "1-Bit Stochastic Gradient Descent and its Application to Data-Parallel Distributed Training of Speech
 * DNNs" (Interspeech 2014), and Karimireddy, Rebjock, Stich & Jaggi, "Error Feedback Fixes SignSGD and other
 * Gradient Compression Schemes" (ICML 2019, arXiv:1901.09847). Eight linear regression tasks share a 7-unit
 * linear layer (455 shared parameters); one simulated worker per task sends its gradient of that layer to
 * the server, trained by plain SGD on the full training set.
 *
 * Why it fails without error feedback: the layer cannot fit eight tasks with seven units, so at the joint
 * optimum the task gradients are not zero, they cancel (Σ g_t = 0). Their scaled signs (‖g_t‖₁/P)·sign(g_t)
 * do not cancel, so 1-bit SGD settles at another point. Full batches matter: with small batches the gradient
 * noise randomises the signs and their average becomes nearly proportional to the gradient again (measured:
 * batch 64 gave a 5% gap, the full batch 28–79%). With error feedback the part a sign drops is carried to
 * the next step (e ← u − C(u)), nothing is lost, and the run tracks fp32.
 *
 * A seed holds when
 * - sign's bytes are at most MAX_RATIO of fp32's (the report's communication.ratio: (P + 32) / 32 P),
 * - sign WITHOUT error feedback ends with a mean test loss at least CLEARLY_WORSE times fp32's and at least
 *   MIN_GAP above it, and
 * - sign WITH error feedback ends within TRACKS (relative) of fp32's mean test loss.
 */
import type { Lesson } from '../lessons/types';
import type { RunRecord } from '../study/types';
import { seedRun, sig4, testLosses } from './seed-group-runs';
import type { LessonCheck, SeedVerdict } from './types';

export const COMPRESSION_EF_SEEDS = [1, 2, 3] as const;
/** sign's bytes over fp32's: (455 + 32) / (32 · 455) = 0.0334 ≈ 1/30 here. */
export const MAX_RATIO = 1 / 29;
/** "Clearly worse": sign without error feedback's mean test loss at least this many times fp32's... */
export const CLEARLY_WORSE = 1.2;
/** ...and at least this much above it (so a tiny loss cannot pass on the ratio alone). */
export const MIN_GAP = 0.03;
/** "Tracks fp32": sign with error feedback's mean test loss within this share of fp32's. */
export const TRACKS = 0.05;

/** The lesson's config is the fp32 run; the two compressed runs change only `communication`. */
export const COMPRESSION_EF_SETTINGS = {
  fp32: {},
  sign: { communication: { id: 'sign', params: { errorFeedback: false } } },
  signEF: { communication: { id: 'sign', params: { errorFeedback: true } } },
} as const;

/** The mean over tasks of a run's final test loss. */
export const meanTestLoss = (record: RunRecord): number => {
  const losses = testLosses(record);
  return losses.reduce((s, l) => s + l, 0) / losses.length;
};

/** The mean over tasks of a run's last training loss (the full batch here, averaged since the last report). */
export const meanTrainLoss = (record: RunRecord): number => {
  const tasks = record.final?.tasks ?? [];
  return tasks.reduce((s, t) => s + t.trainLoss, 0) / tasks.length;
};

/** A compressed run's bytes over fp32's, from its last report. */
export const bytesRatio = (record: RunRecord): number =>
  record.history.at(-1)?.communication?.ratio ?? Number.NaN;

/** The verdict on one seed's three numbers (pure: tested on hand-made numbers). */
export function judgeNumbers(
  seed: number,
  fp32: number,
  sign: number,
  signEF: number,
  ratio: number,
): SeedVerdict {
  const worse = sign / fp32;
  const efOff = Math.abs(signEF / fp32 - 1);
  const cheap = ratio <= MAX_RATIO;
  const fails = worse >= CLEARLY_WORSE && sign - fp32 >= MIN_GAP;
  const tracks = efOff <= TRACKS;
  const why =
    `mean test loss fp32 ${sig4(fp32)}, sign ${sig4(sign)} (${sig4(worse)}x, needs ${CLEARLY_WORSE}x and +${MIN_GAP}), ` +
    `sign + error feedback ${sig4(signEF)} (${sig4(efOff * 100)}% off fp32, needs within ${TRACKS * 100}%), ` +
    `at ${sig4(ratio * 100)}% of fp32's bytes (needs at most ${sig4(MAX_RATIO * 100)}%)`;
  return {
    seed,
    holds: cheap && fails && tracks,
    numbers: {
      'fp32.testLoss': sig4(fp32),
      'sign.testLoss': sig4(sign),
      'signEF.testLoss': sig4(signEF),
      'sign.overFp32': sig4(worse),
      'signEF.offFp32': sig4(efOff),
      bytesRatio: sig4(ratio),
    },
    why,
  };
}

async function judge(lesson: Lesson, seed: number, log?: (line: string) => void): Promise<SeedVerdict> {
  const run = (name: keyof typeof COMPRESSION_EF_SETTINGS) =>
    seedRun(lesson, COMPRESSION_EF_SETTINGS[name], COMPRESSION_EF_SEEDS, seed, log);
  const fp32 = await run('fp32');
  const sign = await run('sign');
  const signEF = await run('signEF');
  // Both compressed runs send the same bytes; the one with error feedback is the lesson's claim.
  const verdict = judgeNumbers(
    seed,
    meanTestLoss(fp32),
    meanTestLoss(sign),
    meanTestLoss(signEF),
    bytesRatio(signEF),
  );
  // Not judged, for the lesson text: the mean training loss the "Loss vs bytes sent" chart draws.
  verdict.numbers['fp32.trainLoss'] = sig4(meanTrainLoss(fp32));
  verdict.numbers['sign.trainLoss'] = sig4(meanTrainLoss(sign));
  verdict.numbers['signEF.trainLoss'] = sig4(meanTrainLoss(signEF));
  return verdict;
}

export const compressionErrorFeedbackCheck: LessonCheck = {
  id: 'compression-error-feedback',
  seeds: COMPRESSION_EF_SEEDS,
  judge,
};
