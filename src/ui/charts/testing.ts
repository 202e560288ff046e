/** A chart context over hand-made reports, for the chart data tests (Node: no DOM, no React). */
import { parseConfig } from '../../engine/config/parse';
import type { Report } from '../../engine/train/report';
import { ReportHistory } from '../../state/history';
import { createPlaygroundStore } from '../../state/store';
import type { ChartContext } from './define';

export const NAMES = ['circle', 'xor', 'plane'];

/** A three-task report at `step`: circle–xor cosine c01, and -c01 on layer shared0, c01 / 2 on shared1. */
export function report(step: number, c01: number, extra: Partial<Report> = {}): Report {
  return {
    step,
    tasks: NAMES.map((name, t) => ({
      name,
      trainLoss: 1 / (step + 1) + t,
      testLoss: 2 / (step + 1) + t,
      trainMetric: 0.5 + t / 10,
      testMetric: 0.4 + t / 10,
    })),
    weights: [1, 2, 3],
    gradients: {
      norms: [0.1, 0.2, Number.NaN],
      cosine: [
        [1, c01, 0.3],
        [c01, 1, 0.5],
        [0.3, 0.5, 1],
      ],
      conflictShare: c01 < 0 ? 1 / 3 : 0,
      layers: [
        {
          layer: 'shared0',
          cosine: [
            [1, -c01, 0],
            [-c01, 1, 0.1],
            [0, 0.1, 1],
          ],
        },
        {
          layer: 'shared1',
          cosine: [
            [1, c01 / 2, 0.2],
            [c01 / 2, 1, -0.2],
            [0.2, -0.2, 1],
          ],
        },
      ],
    },
    ...extra,
  };
}

export const REPORTS = [report(0, 0.2), report(10, -0.4), report(20, -0.1), report(30, 0.6)];

/** The context of the default experiment (or `raw`) after `reports`. */
export function contextOf(reports: readonly Report[], raw: object = {}, budget?: number): ChartContext {
  const history = new ReportHistory(budget);
  history.append(reports);
  const view = history.view();
  return {
    history: view,
    info: null,
    config: parseConfig(raw),
    names: reports.at(-1)?.tasks.map((t) => t.name) ?? [],
    store: createPlaygroundStore(''),
    changes: [],
    overlay: [],
  };
}
