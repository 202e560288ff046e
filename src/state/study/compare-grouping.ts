/**
 * "Compare this grouping" (the affinity heatmap's button): build the study that trains the proposed
 * grouping beside all tasks together and every task alone (engine/grouping/study.ts, the same study as
 * `cli group`) on the Training tab's experiment, start it in the Studies tab and show that tab. The caller
 * hands over the study controller's loader (ui: a dynamic import, so the page stays small; tests: a fake).
 */
import { groupingStudy } from '../../engine/grouping/study';
import { showTab, type ClassroomStore } from '../classroom/classroom-store';
import type { PlaygroundStore } from '../store';
import { configJson } from '../url-repair';

/** Seeds per grouping: three gives a 95% interval without tripling the wait beyond reason. */
export const COMPARE_SEEDS = 3;

export interface StudyStarter {
  startSpec(raw: unknown): boolean;
}

/** The study file for `groups` on the experiment open now (exported for tests and the button's tooltip). */
export const groupingStudyFor = (
  playground: PlaygroundStore,
  groups: readonly number[],
  seeds = COMPARE_SEEDS,
) => groupingStudy(configJson(playground.getState().config), groups, seeds).spec;

/**
 * Start the comparison; false when the Studies tab is busy with another study or refuses this one (it
 * then shows why). The Studies tab opens either way, so the student sees what happened.
 */
export async function compareGrouping(
  playground: PlaygroundStore,
  groups: readonly number[],
  deps: { study: () => Promise<StudyStarter>; classroom?: ClassroomStore },
): Promise<boolean> {
  const spec = groupingStudyFor(playground, groups);
  const started = (await deps.study()).startSpec(spec);
  showTab('studies', deps.classroom);
  return started;
}
