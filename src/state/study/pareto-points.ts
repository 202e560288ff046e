/**
 * The Pareto plot's data for a two-task study: one point per finished run at its two final test losses
 * (coloured by group), the Pareto front of all of them (engine/study/pareto.ts: the runs no other run
 * beats on both losses), and, when the study sweeps the static method's weights, the scalarization
 * front those weights trace. Empty when the study does not have exactly two tasks.
 */
import { baselineSettingsOf } from '../../engine/study/baseline';
import { paretoFront, scalarizationFront, staticWeightShare } from '../../engine/study/pareto';
import { isBaselineGroup } from '../../engine/study/plan-study';
import type { RunRecord, StudySpec } from '../../engine/study/types';
import { groupLabeler } from './group-label';

export interface ParetoPoint {
  x: number;
  y: number;
  group: string;
  label: string;
  seed: number;
  run: string;
}

export interface ParetoData {
  /** The two task names (x axis, y axis). */
  tasks: [string, string];
  /** Points by group, in the order the groups first finished. */
  groups: { group: string; label: string; points: ParetoPoint[] }[];
  front: ParetoPoint[];
  scalarization: { x: number; y: number; share: number }[];
}

export function paretoData(spec: StudySpec, runs: readonly RunRecord[]): ParetoData | null {
  const label = groupLabeler(spec);
  const finished = runs.filter((r) => r.status === 'finished' && r.final?.tasks.length === 2);
  const names = finished[0]?.final?.tasks.map((t) => t.name);
  if (!names || names.length !== 2) return null;
  const settingsOf = (run: RunRecord) =>
    Object.fromEntries(Object.keys(spec.grid).map((path) => [path, valueAt(run.config, path)]));
  const points = finished.map((run) => {
    const [a, b] = run.final?.tasks ?? [];
    const group = run.study?.group ?? run.name;
    return {
      x: a?.testLoss ?? NaN,
      y: b?.testLoss ?? NaN,
      group,
      // A baseline keeps only the grid's settings outside architecture and method (engine/study/baseline.ts).
      label: label(isBaselineGroup(group) ? baselineSettingsOf(settingsOf(run)) : settingsOf(run), group),
      seed: run.study?.seed ?? run.config.seed,
      run: run.id,
      share: isBaselineGroup(group) ? null : staticWeightShare(run.config),
    };
  });
  const groups = new Map<string, ParetoData['groups'][number]>();
  for (const p of points) {
    const entry = groups.get(p.group) ?? { group: p.group, label: p.label, points: [] };
    entry.points.push(p);
    groups.set(p.group, entry);
  }
  return {
    tasks: [names[0] as string, names[1] as string],
    groups: [...groups.values()],
    front: paretoFront(points),
    scalarization: scalarizationFront(points),
  };
}

/** The value a dotted path has in a config (a grid path such as `method.id`). */
function valueAt(config: unknown, path: string): unknown {
  let node = config;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | null)?.[part];
  return node;
}
