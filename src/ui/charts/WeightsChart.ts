/** The task weights the method applied at each report's last step (update = Σ w_t g_t). */
import { findMethodCard } from '../../engine/methods/catalogue';
import { SERIES } from '../../state/history';
import { defineTimeSeries } from './define';
import { taskSeries } from './task-labels';

export const weightsChart = defineTimeSeries({
  id: 'weights',
  title: ({ config }) => {
    const method = findMethodCard(config.method.id)?.label;
    return method ? `Task weights applied by ${method}` : 'Task weights applied by the method';
  },
  info: "The weight w_t the method gave each task's gradient at the last step. Equal weighting keeps them at 1; loss-balancing methods set them directly and gradient-surgery methods (PCGrad, MGDA, CAGrad) imply them from the gradients.",
  empty: 'Press Train to see the task weights.',
  yLabel: 'task weight',
  lines: ({ names }) => taskSeries(names).map((s, t) => ({ ...s, column: SERIES.weight(t) })),
});
