/** Per-task train (solid) and test (dashed) loss over steps, with a "Log scale" toggle. */
import { SERIES } from '../../state/history';
import { defineTimeSeries } from './define';
import { taskColor } from './palette';
import { testKey, trainKey } from './series';
import { shortTaskNames } from './task-labels';
import { lossDataScale } from './tooltip-rows';

export const lossChart = defineTimeSeries({
  id: 'loss',
  title: 'Loss per task',
  info: "Each task's training loss (solid: mean over the batches since the last report) and test loss (dashed). One task's test loss rising while another's falls is negative transfer.",
  empty: "Press Train to see each task's loss.",
  yLabel: 'loss',
  log: { on: false, what: 'losses' },
  lines: ({ names, info }) => {
    const short = shortTaskNames(names);
    return names.flatMap((name, t) => {
      // A standardised regression target: the tooltip also reads its loss in the data's units.
      const scale = lossDataScale(info, t);
      const inUnits = scale ? { dataScale: scale } : {};
      return [
        {
          key: trainKey(name),
          column: SERIES.trainLoss(t),
          name: `${short[t]} train`,
          title: `${name} train`,
          color: taskColor(t),
          ...inUnits,
        },
        {
          key: testKey(name),
          column: SERIES.testLoss(t),
          name: `${short[t]} test`,
          title: `${name} test`,
          color: taskColor(t),
          dashed: true,
          ...inUnits,
        },
      ];
    });
  },
  footer: ({ history, overlay }) =>
    overlay.length
      ? 'Live run: solid train, dashed test · kept runs: their own style, test fainter'
      : history.reports
        ? 'Solid: train · dashed: test'
        : null,
});
