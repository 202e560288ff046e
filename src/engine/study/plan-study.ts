/**
 * A study's plan: every training it will do, in order. The grid points (cross product in key order) times
 * the seeds, then, with `baselines`, one set of single-task baselines per distinct baseline config (a grid
 * over `task.params.correlation` gets one per correlation; a grid over methods shares one), over the same
 * seeds. Each grid point's runs name their baseline set (`baselineGroup`), so Δm% pairs them seed by seed.
 */
import { parseConfig } from '../config/parse';
import { ConfigError, type ExperimentConfig } from '../config/types';
import { Rng } from '../random/rng';
import { findTaskSuite } from '../tasks/registry';
import { baselineConfigOf, baselineIdentity, baselineSettingsOf } from './baseline';
import { applySettings, gridPoints, settingsKey, type Settings } from './grid';
import type { PlannedRun, StudySpec } from './types';

/** The group key of a baseline set: `baseline`, or `baseline · <the settings it keeps>`. */
export const BASELINE_GROUP = 'baseline';
export const isBaselineGroup = (group: string): boolean =>
  group === BASELINE_GROUP || group.startsWith(`${BASELINE_GROUP} ·`);

/** A grid point's config (seed left as the base has it), with errors naming the point and the field. */
export function configOfPoint(spec: Pick<StudySpec, 'base'>, settings: Settings): ExperimentConfig {
  const where = `grid point (${settingsKey(settings)})`;
  try {
    return parseConfig(applySettings(spec.base, settings));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(
      error.issues.map((i) => ({ ...i, path: i.path.startsWith('grid.') ? i.path : `${where}: ${i.path}` })),
    );
  }
}

/** The task names of a config's suite: from its parameters where the suite can say, else from its data. */
function taskNamesOf(config: ExperimentConfig): string[] {
  const suite = findTaskSuite(config.task.id);
  if (!suite) return [];
  return (
    suite.taskNames?.(config.task.params) ??
    suite.build(config.task.params, new Rng(config.seed)).tasks.map((t) => t.name)
  );
}

interface BaselineSet {
  group: string;
  settings: Settings;
  config: ExperimentConfig;
  tasks: string[];
}

export function planStudy(spec: StudySpec): PlannedRun[] {
  const runs: PlannedRun[] = [];
  const baselineSets = new Map<string, BaselineSet>();
  const usedGroups = new Set<string>();
  for (const settings of gridPoints(spec.grid)) {
    const group = settingsKey(settings);
    const config = configOfPoint(spec, settings);
    let baselineGroup: string | undefined;
    if (spec.baselines) {
      const baseline = baselineConfigOf(config, `grid point (${group})`);
      const identity = baselineIdentity(baseline);
      let set = baselineSets.get(identity);
      if (!set) {
        const kept = baselineSettingsOf(settings);
        let name = Object.keys(kept).length ? `${BASELINE_GROUP} · ${settingsKey(kept)}` : BASELINE_GROUP;
        // Two baselines may keep the same settings yet differ (a grid over widths): number them apart.
        for (let k = 2; usedGroups.has(name); k++) name = `${name.replace(/ #\d+$/, '')} #${k}`;
        usedGroups.add(name);
        set = { group: name, settings: kept, config: baseline, tasks: taskNamesOf(baseline) };
        baselineSets.set(identity, set);
      }
      baselineGroup = set.group;
    }
    for (const seed of spec.seeds)
      runs.push({
        group,
        settings,
        seed,
        config: { ...config, seed },
        ...(baselineGroup !== undefined ? { baselineGroup } : {}),
      });
  }
  for (const set of baselineSets.values())
    for (const seed of spec.seeds)
      runs.push({
        group: set.group,
        settings: set.settings,
        seed,
        config: { ...set.config, seed },
        baselineTasks: set.tasks,
      });
  return runs;
}

/** The distinct groups of a plan in plan order: grid points first, then baseline sets. */
export function planGroups(plan: readonly PlannedRun[]): { group: string; runs: number[] }[] {
  const groups = new Map<string, number[]>();
  plan.forEach((run, i) => {
    const list = groups.get(run.group) ?? [];
    list.push(i);
    groups.set(run.group, list);
  });
  return [...groups].map(([group, runs]) => ({ group, runs }));
}
