/**
 * The lookahead inter-task affinity of Fifty et al. (NeurIPS 2021) as a task-by-task matrix beside the
 * gradient cosines: cell (i, j) = 1 − L_i(θ − η g_j) / L_i(θ), how much a step on task j alone lowered
 * task i's loss (blue: helped; red: hurt). Colours are scaled to the largest |value|, since a step moves
 * a loss by a small fraction. Under it, the grouping the paper's selection suggests from this matrix
 * (SuggestedGrouping.tsx), with a button that trains it against all-together and all-separate.
 */
import type { Report } from '../../engine/train/report';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import type { PlaygroundStore } from '../../state/store';
import { ChartCard } from './ChartCard';
import { defineViewChart } from './component-chart';
import { MatrixGrid } from './MatrixGrid';
import { cosineRGB } from './palette';
import { taskNames, taskPairs } from './series';
import { SuggestedGrouping } from './SuggestedGrouping';

export interface AffinityHeatmapProps {
  /** The latest report (undefined before the first). */
  report: Report | undefined;
  info?: TrainerInfo | null;
  /** The app's store: "Compare this grouping" builds its study from the open experiment. */
  store?: PlaygroundStore;
}

export function AffinityHeatmap({ report, info, store }: AffinityHeatmapProps) {
  const names = taskNames(report, info);
  const affinity = report?.affinity;
  const T = names.length;
  const ready = Boolean(affinity && T >= 2 && affinity.matrix.length === T);
  const largest = Math.max(1e-12, ...(affinity?.matrix.flat().map(Math.abs) ?? [0]));
  // Percent of the loss: the matrix entries are relative changes.
  const value = (i: number, j: number) => 100 * (affinity?.matrix[i]?.[j] ?? Number.NaN);
  const aria = `Lookahead affinity, percent of task i's loss removed by a step on task j: ${taskPairs(names)
    .flatMap((p) => [
      `${names[p.i]} from ${names[p.j]} ${value(p.i, p.j).toFixed(2)}`,
      `${names[p.j]} from ${names[p.i]} ${value(p.j, p.i).toFixed(2)}`,
    ])
    .join(', ')}`;
  return (
    <ChartCard
      id="affinity"
      title="Inter-task affinity (lookahead)"
      info="Row i, column j: the percentage of task i's loss that one step on task j alone removes (Fifty et al., NeurIPS 2021). Positive (blue) means j helps i; negative (red) means j's step hurts i. Averaged over the sampled steps; set 'Affinity every' to turn it on. Below: the grouping that keeps the most help inside its groups. Training tasks together pays only when they help each other; more groups cost more networks, so compare it with all-together and all-separate before you trust it."
      ready={ready}
      empty={
        T === 1
          ? 'Affinity needs at least two tasks.'
          : "Set 'Affinity every (steps)' in Data sharing and isolation, then train, to measure it."
      }
      footer={
        ready
          ? `Rows: task measured · columns: task stepped · % of the loss · ${affinity?.samples} samples`
          : null
      }
    >
      <MatrixGrid
        names={names}
        value={value}
        color={(v) => cosineRGB(v / (100 * largest))}
        digits={2}
        ariaLabel={aria}
      />
      {ready && affinity ? <SuggestedGrouping matrix={affinity.matrix} names={names} store={store} /> : null}
    </ChartCard>
  );
}

export const affinityChart = defineViewChart('affinity', 'affinity', ({ ctx }) => (
  <AffinityHeatmap report={ctx.history.latest} info={ctx.info} store={ctx.store} />
));
