/** Per-task gradient norm ‖∇θ L_t‖ on the shared parameters over steps, on a log scale at first. */
import { SERIES } from '../../state/history';
import { defineTimeSeries } from './define';
import { taskSeries } from './task-labels';

export const normsChart = defineTimeSeries({
  id: 'norms',
  title: 'Gradient norm per task',
  info: '‖∇θ L_t‖ of each task on the shared parameters. A task with a much larger norm dominates an equally weighted sum; GradNorm and IMTL rebalance the scales.',
  empty: "Press Train to see each task's gradient norm.",
  yLabel: '‖gradient‖',
  log: { on: true, what: 'norms' },
  lines: ({ names }) => taskSeries(names).map((s, t) => ({ ...s, column: SERIES.norm(t) })),
});
