/**
 * The run's history as the charts read it: every number of every report kept as a decimated column
 * (columns.ts), built as the reports arrive, so memory and chart work stay bounded however long the run.
 * Which series exist is read off the first report (tasks, shared layers, start points); charts ask for
 * series by key (SERIES) and get copies, so a chart never sees a report list.
 */
import type { Report } from '../engine/train/report';
import { DecimatedColumns, HISTORY_BUDGET, type Columns, type Mode } from './columns';

/** The key of every series a history holds (tasks, pairs and points by position; layers by name). */
export const SERIES = {
  trainLoss: (t: number) => `train-loss/${t}`,
  testLoss: (t: number) => `test-loss/${t}`,
  trainMetric: (t: number) => `train-metric/${t}`,
  testMetric: (t: number) => `test-metric/${t}`,
  norm: (t: number) => `norm/${t}`,
  weight: (t: number) => `weight/${t}`,
  /** The recent share of the samples (sampling strategies); NaN where a report has none. */
  share: (t: number) => `share/${t}`,
  /** Cosine of tasks i < j on all shared parameters. */
  cosine: (i: number, j: number) => `cosine/${i}-${j}`,
  /** Cosine of tasks i < j on one shared layer. */
  layerCosine: (layer: string, i: number, j: number) => `layer-cosine/${layer}/${i}-${j}`,
  /** Coordinate d of start point p's θ (objective suites): a trajectory, decimated as a path. */
  theta: (p: number, d: number) => `theta/${p}/${d}`,
};

interface Series {
  key: string;
  mode: Mode;
  read: (r: Report) => number;
}

const value = (v: number | undefined) => v ?? NaN;

/** Every series of a run whose first report is `first`. */
export function seriesOf(first: Report): Series[] {
  const T = first.tasks.length;
  const tasks = Array.from({ length: T }, (_, t) => t);
  const pairs = tasks.flatMap((i) => tasks.slice(i + 1).map((j) => [i, j] as const));
  const envelope = (key: string, read: (r: Report) => number | undefined): Series => ({
    key,
    mode: 'envelope',
    read: (r) => value(read(r)),
  });
  const layers = first.gradients.layers.map((l) => l.layer);
  // Layers keep their order from report to report: look by position first, by name only if it moved.
  const layerAt = (r: Report, at: number, name: string) => {
    const l = r.gradients.layers[at];
    return l?.layer === name ? l : r.gradients.layers.find((x) => x.layer === name);
  };
  return [
    ...tasks.flatMap((t) => [
      envelope(SERIES.trainLoss(t), (r) => r.tasks[t]?.trainLoss),
      envelope(SERIES.testLoss(t), (r) => r.tasks[t]?.testLoss),
      envelope(SERIES.trainMetric(t), (r) => r.tasks[t]?.trainMetric),
      envelope(SERIES.testMetric(t), (r) => r.tasks[t]?.testMetric),
      envelope(SERIES.norm(t), (r) => r.gradients.norms[t]),
      envelope(SERIES.weight(t), (r) => r.weights[t]),
      envelope(SERIES.share(t), (r) => r.sampling?.recent[t]),
    ]),
    ...pairs.map(([i, j]) => envelope(SERIES.cosine(i, j), (r) => r.gradients.cosine[i]?.[j])),
    ...layers.flatMap((name, at) =>
      pairs.map(([i, j]) =>
        envelope(SERIES.layerCosine(name, i, j), (r) => layerAt(r, at, name)?.cosine[i]?.[j]),
      ),
    ),
    ...(first.points ?? []).flatMap((p, k) =>
      p.theta.map((_, d): Series => ({
        key: SERIES.theta(k, d),
        mode: 'path',
        read: (r) => value(r.points?.[k]?.theta[d]),
      })),
    ),
  ];
}

/** Whether a report's task gradients conflict: some pair's cosine (all shared parameters) is below 0. */
export function inConflict(report: Report): boolean {
  const m = report.gradients.cosine;
  if (!m.length) return report.gradients.conflictShare > 0;
  return m.some((row, i) => row.some((c, j) => j > i && c < 0));
}

/** What the charts read: a new object after every batch of reports (the columns it hands out are copies). */
export interface HistoryView {
  /** Reports so far (not decimated). */
  readonly reports: number;
  readonly latest: Report | undefined;
  /** Reports whose task gradients conflicted, counted exactly. */
  readonly conflicts: number;
  /** The shared layers that report cosines, and the start points that have trajectories. */
  readonly layers: readonly string[];
  readonly points: number;
  /** The chosen series, keyed by the chart's own names: pairs [chart key, SERIES key]. */
  columns(pick: readonly (readonly [string, string])[]): Columns;
  /** Start point p's θ path (finite points only), decimated as a path. */
  path(p: number): number[][];
}

export class ReportHistory {
  private columnStore: DecimatedColumns | null = null;
  private index = new Map<string, number>();
  private series: Series[] = [];
  private row = new Float64Array(0);
  private count = 0;
  private conflicts = 0;
  private latest: Report | undefined;
  private layers: string[] = [];
  private points = 0;
  private dims = 0;

  constructor(readonly budget = HISTORY_BUDGET) {}

  append(reports: readonly Report[]): void {
    for (const r of reports) {
      const store = this.columnStore ?? this.start(r);
      this.series.forEach((s, k) => (this.row[k] = s.read(r)));
      store.push(r.step, this.row);
      if (inConflict(r)) this.conflicts++;
      this.latest = r;
      this.count++;
    }
  }

  private start(first: Report): DecimatedColumns {
    this.series = seriesOf(first);
    this.index = new Map(this.series.map((s, k) => [s.key, k]));
    this.row = new Float64Array(this.series.length);
    this.layers = first.gradients.layers.map((l) => l.layer);
    this.points = first.points?.length ?? 0;
    this.dims = first.points?.[0]?.theta.length ?? 0;
    this.columnStore = new DecimatedColumns(
      this.series.map((s) => s.mode),
      this.budget,
    );
    return this.columnStore;
  }

  /** The chosen series by SERIES key (unknown keys: all NaN), with the steps, copied. */
  select(keys: readonly string[]): { steps: Float64Array; values: Float64Array[] } {
    if (!this.columnStore) return { steps: new Float64Array(0), values: keys.map(() => new Float64Array(0)) };
    return this.columnStore.columns(keys.map((key) => this.index.get(key) ?? -1));
  }

  /** Rows held now, and rows of completed buckets: for tests of the budget and the envelopes. */
  get rows(): { length: number; completed: number; bucket: number } {
    const c = this.columnStore;
    return { length: c?.length ?? 0, completed: c?.completedRows ?? 0, bucket: c?.size ?? 1 };
  }

  view(): HistoryView {
    const { count, latest, conflicts, layers, points, dims } = this;
    return {
      reports: count,
      latest,
      conflicts,
      layers,
      points,
      columns: (pick) => {
        const { steps, values } = this.select(pick.map(([, key]) => key));
        return { steps, keys: pick.map(([key]) => key), values };
      },
      path: (p) => {
        if (p < 0 || p >= points) return [];
        const keys = Array.from({ length: dims }, (_, d) => SERIES.theta(p, d));
        const { steps, values } = this.select(keys);
        const out: number[][] = [];
        for (let i = 0; i < steps.length; i++) {
          const point = values.map((col) => col[i] as number);
          if (point.every(Number.isFinite)) out.push(point);
        }
        return out;
      },
    };
  }
}

/** The history before any report. */
export const EMPTY_HISTORY: HistoryView = new ReportHistory().view();
