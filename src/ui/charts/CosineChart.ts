/** Cosine similarity of each pair of task gradients over steps, y in [-1, 1], the conflict zone below 0. */
import { SERIES } from '../../state/history';
import { defineTimeSeries } from './define';
import { taskColor } from './palette';
import { pairKey, taskPairs } from './series';
import { shortTaskNames } from './task-labels';

export const cosineChart = defineTimeSeries({
  id: 'cosine',
  title: 'Gradient cosine per task pair',
  info: 'Cosine similarity of each pair of task gradients on the shared parameters. Below 0 the two tasks pull the shared weights in opposing directions: their gradients conflict (Yu et al., PCGrad, 2020).',
  empty: ({ history, names }) =>
    history.reports && names.length < 2
      ? 'Gradient conflict needs at least two tasks.'
      : 'Press Train to see whether the task gradients agree.',
  yLabel: 'cosine similarity',
  domain: [-1, 1],
  ticks: [-1, -0.5, 0, 0.5, 1],
  zeroLine: 'conflict below 0',
  lines: ({ names }) => {
    const short = shortTaskNames(names);
    return taskPairs(names).map((p, k) => ({
      key: p.key,
      column: SERIES.cosine(p.i, p.j),
      name: pairKey(short[p.i] as string, short[p.j] as string),
      title: p.key,
      color: taskColor(k),
    }));
  },
  footer: ({ history }) => {
    // Counted over every report, not the decimated rows.
    const { conflicts, reports } = history;
    const share = Math.round((100 * conflicts) / Math.max(1, reports));
    return `In conflict (some pair below 0) at ${share}% of reports so far (${conflicts} of ${reports}).`;
  },
});
