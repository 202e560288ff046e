/**
 * The rows of the merging chart (MergingChart.tsx), pure: per task, the value of each model (specialist,
 * the chosen merge, joint) in the chosen measure, and the interference per shared layer in percent.
 */
import type { MergingReport } from '../../engine/merging/report';

export type MergingMeasure = 'metric' | 'loss';

export interface MergingBarRow {
  task: string;
  specialist: number;
  merged: number;
  joint: number;
}

export const mergingBars = (m: MergingReport, measure: MergingMeasure): MergingBarRow[] =>
  m.tasks.map((t) => ({
    task: t.name,
    specialist: t.specialist[measure],
    merged: t.merged[measure],
    joint: t.joint[measure],
  }));

/** Every method's value per task (rows: methods), for the table under the bars. */
export const methodTable = (m: MergingReport, measure: MergingMeasure) =>
  m.methods.map((x) => ({
    id: x.id,
    label: x.label,
    chosen: x.id === m.method,
    values: x.tasks.map((s) => s[measure]),
  }));

/** Per shared layer: sign conflicts in % and the cosine of the first two tasks' vectors (mean over pairs for T > 2). */
export const interferenceRows = (m: MergingReport) =>
  m.interference.map((l) => {
    const T = l.cosine.length;
    let sum = 0;
    let pairs = 0;
    for (let i = 0; i < T; i++)
      for (let j = i + 1; j < T; j++) {
        sum += l.cosine[i]?.[j] ?? 0;
        pairs++;
      }
    return {
      layer: l.layer,
      conflictPercent: 100 * l.signConflict,
      meanCosine: pairs ? sum / pairs : 0,
      compared: l.compared,
    };
  });
