/** Each task's share of the training samples over time, for strategies that declare the task-shares view. */
import { findSampler } from '../../engine/sampling/registry';
import { SERIES } from '../../state/history';
import { defineTimeSeries } from './define';
import { taskSeries } from './task-labels';

export const sharesChart = defineTimeSeries({
  id: 'shares',
  view: 'task-shares',
  title: ({ config }) => {
    const strategy = findSampler(config.sampling.id)?.label;
    return strategy ? `Task shares of the samples (${strategy})` : 'Task shares of the samples';
  },
  info: 'The fraction of the training samples each task received recently (a moving average over about 100 steps). Mixed batches keep it even; proportional and temperature sampling follow the data sizes; importance and the bandit move it towards the tasks that need or gain most.',
  empty: 'Press Train to see how the sampling strategy shares the steps.',
  yLabel: 'share of samples',
  lines: ({ names }) => taskSeries(names).map((s, t) => ({ ...s, column: SERIES.share(t) })),
  ready: ({ history }) => history.latest?.sampling !== undefined,
});
