/**
 * Cosine of each pair of task gradients on each shared layer over steps: conflicts often sit in some
 * layers only (the cosine matrix shows one step; this shows where they persist). The docs' walk-through
 * chart: this file plus one line in registry.ts.
 */
import { SERIES } from '../../state/history';
import { defineTimeSeries, type ChartContext, type LineContext, type LineSpec } from './define';
import { taskColor } from './palette';
import { formatNumber, pairKey, taskPairs } from './series';
import { shortTaskNames } from './task-labels';

/** One line per shared layer and task pair; with two tasks a line is named by its layer alone. */
export function layerCosineLines({ history, names }: LineContext): LineSpec[] {
  const pairs = taskPairs(names);
  const short = shortTaskNames(names);
  return history.layers.flatMap((layer, l) =>
    pairs.map((p, k) => {
      const pair = pairKey(short[p.i] as string, short[p.j] as string);
      return {
        key: `${layer}: ${p.key}`,
        column: SERIES.layerCosine(layer, p.i, p.j),
        name: pairs.length === 1 ? layer : `${layer} · ${pair}`,
        title: `${layer}: ${p.key}`,
        color: taskColor(l * pairs.length + k),
        // Pairs after the first are dashed, so that layers keep their colour family apart.
        ...(k > 0 ? { dashed: true } : {}),
      };
    }),
  );
}

/** The layer and pair with the lowest cosine at the latest report, in words (null before any). */
export function mostConflicted({ history, names }: ChartContext): string | null {
  let worst: { where: string; value: number } | null = null;
  for (const { layer, cosine } of history.latest?.gradients.layers ?? [])
    for (const p of taskPairs(names)) {
      const value = cosine[p.i]?.[p.j];
      if (value === undefined || !Number.isFinite(value)) continue;
      if (!worst || value < worst.value)
        worst = { where: names.length > 2 ? `${layer} (${p.key})` : layer, value };
    }
  return worst && `Lowest now: ${worst.where} at ${formatNumber(worst.value)}.`;
}

export const layerCosineChart = defineTimeSeries({
  id: 'layer-cosine',
  title: 'Gradient cosine per shared layer',
  info: 'Cosine similarity of each pair of task gradients restricted to one shared layer, over steps. A layer whose line stays below 0 is where the tasks pull apart: sharing that layer less (click it in the diagram) or a conflict-aware method may help.',
  empty: ({ history }) =>
    history.reports && !history.layers.length
      ? 'No shared layer reports a cosine here (nothing shared, or a single task).'
      : 'Press Train to see the gradient cosine of each shared layer.',
  yLabel: 'cosine similarity',
  domain: [-1, 1],
  ticks: [-1, -0.5, 0, 0.5, 1],
  zeroLine: 'conflict below 0',
  lines: layerCosineLines,
  footer: mostConflicted,
});
