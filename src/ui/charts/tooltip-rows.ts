/**
 * What a time chart's tooltip says (pure, tested in Node): the step, then each line's exact value to 4
 * significant digits with its task colour and full name; lines of overlaid runs after the live run's,
 * each naming its run. The axes round to 3 digits (series.ts formatNumber); the tooltip is where a student
 * reads the number itself. Runs report at different steps, so a line's value is its nearest report to the
 * hovered step (valuesNear), with that step named when it is another.
 */
import type { TrainerInfo } from '../../engine/train/trainer-info';
import type { DataScale, SeriesSpec } from './define';

export type { DataScale } from './define';
import type { Row } from './downsample';

/**
 * How a line's value reads in the data's own units: a loss or MSE of a regression target the task
 * standardised ((value − mean) / std) is the same loss in the data's units divided by std², so the
 * tooltip shows value × std² beside it (TaskInfo.targetScale): standardisation stays reversible.
 */

/** A line that may carry its data scale (a loss chart's line of a standardised regression task). */
export type ScaledSeries = SeriesSpec & { dataScale?: DataScale };

/** The data scale of task t's loss (an MSE), when its target was standardised; undefined otherwise. */
export function lossDataScale(info: TrainerInfo | null | undefined, t: number): DataScale | undefined {
  const scale = info?.tasks[t]?.targetScale;
  if (!scale || !(scale.std > 0) || !Number.isFinite(scale.std)) return undefined;
  const factor = scale.std * scale.std;
  return { factor, unit: `in the data's units (× std² = ${formatExact(factor)})` };
}

/** 4 significant digits; exponent form below 0.001 and from 10,000 up, where fixed digits would mislead. */
export function formatExact(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(3);
  return v.toPrecision(4);
}

/** The x label: steps are whole numbers, grouped by thousands ("step 12,500"). */
export const stepText = (step: unknown): string =>
  typeof step === 'number' && Number.isFinite(step) ? `step ${Math.round(step).toLocaleString('en-US')}` : '';

export interface TooltipRow {
  key: string;
  /** The line's full name ("circle train"). */
  label: string;
  /** The overlaid run's name; undefined for the live run. */
  run?: string;
  color: string;
  dash?: string;
  value: string;
  /** The step of the value when it is not the hovered step (another run's nearest report). */
  at?: number;
  /** The value in the data's own units, with its unit (a standardised regression target's loss). */
  data?: string;
}

/** A line's value near the hovered step, and the step it was reported at. */
export interface Near {
  value: number;
  step: number;
}

/**
 * For each key, its finite value in the row nearest to `step` that has one (the row at `step` first; ties
 * go to the earlier row), looking at most `reach` rows either side: a run that ended long before has none.
 */
export function valuesNear(
  rows: readonly Row[],
  step: number,
  keys: readonly string[],
  reach = 24,
): Map<string, Near> {
  // The first row at or after `step` (rows are in step order).
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as Row).step < step) lo = mid + 1;
    else hi = mid;
  }
  const has = (i: number, key: string) => {
    const v = rows[i]?.[key];
    return v !== undefined && Number.isFinite(v);
  };
  const out = new Map<string, Near>();
  for (const key of keys) {
    // The nearest row holding the key on each side (the earlier first, to win a tie), then the closer.
    const candidates: number[] = [];
    for (let d = 0; d <= reach; d++)
      if (has(lo - 1 - d, key)) {
        candidates.push(lo - 1 - d);
        break;
      }
    for (let d = 0; d <= reach; d++)
      if (has(lo + d, key)) {
        candidates.push(lo + d);
        break;
      }
    let best: Near | undefined;
    for (const i of candidates) {
      const row = rows[i] as Row;
      if (!best || Math.abs(row.step - step) < Math.abs(best.step - step))
        best = { value: row[key] as number, step: row.step };
    }
    if (best) out.set(key, best);
  }
  return out;
}

/**
 * The tooltip's rows at the hovered `step`, in the chart's line order (live run first), leaving out lines
 * with no value near it.
 */
export function tooltipRows(
  values: ReadonlyMap<string, Near>,
  lines: readonly ScaledSeries[],
  step: number,
): TooltipRow[] {
  const rows: TooltipRow[] = [];
  for (const line of lines) {
    const near = values.get(line.key);
    if (near === undefined) continue;
    const v = near.value;
    const dash = line.dash ?? (line.dashed ? '4 3' : undefined);
    rows.push({
      key: line.key,
      label: line.title ?? line.name ?? line.key,
      color: line.color,
      value: formatExact(v),
      ...(line.run !== undefined ? { run: line.run } : {}),
      ...(dash ? { dash } : {}),
      ...(near.step !== step ? { at: near.step } : {}),
      ...(line.dataScale ? { data: `${formatExact(v * line.dataScale.factor)} ${line.dataScale.unit}` } : {}),
    });
  }
  // A stable sort: the live run's rows, then each overlaid run's, each group in line order.
  return rows.sort((a, b) => Number(a.run !== undefined) - Number(b.run !== undefined));
}
