/**
 * The automated check of a lesson's finding (issue 13): `cli lesson check <id>` runs the lesson's setup
 * headless with several seeds and exits 0 only when the finding holds in most of them; exit 1 prints the
 * numbers. A lesson whose finding does not reproduce is a bug in the setup or the engine, not in the check.
 */
import type { Lesson } from '../lessons/types';

/** The numbers one seed's run produced, by name (e.g. `{ "cagrad.meanLossGap": 0.01 }`). */
export type LessonNumbers = Record<string, number>;

export interface SeedVerdict {
  seed: number;
  holds: boolean;
  numbers: LessonNumbers;
  /** One sentence: why the finding holds or not for this seed, with the numbers that decide it. */
  why: string;
}

export interface LessonVerdict {
  id: string;
  holds: boolean;
  /** How many seeds must hold: a strict majority of `seeds.length`, unless the check says otherwise. */
  needed: number;
  seeds: SeedVerdict[];
}

export interface LessonCheck {
  /** The lesson's id (its JSON file's name). */
  id: string;
  /** The seeds the check trains (at least 3). */
  seeds: readonly number[];
  /**
   * Train this seed's runs of the lesson's setup and judge the finding on them. Must be deterministic for
   * a seed and backend; keep a whole check under ~30 s on the 2-core CPU machine (CI runs every check).
   */
  judge(lesson: Lesson, seed: number, log?: (line: string) => void): Promise<SeedVerdict>;
}
