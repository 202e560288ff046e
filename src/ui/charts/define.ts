/**
 * What a chart is, for the registry (registry.ts): either a time series described as data (a `.ts` file:
 * which history series to draw, titles, axis; TimeSeriesCard draws it), or a component with its own
 * picture (component-chart.ts). A chart without a `view` is always drawn; one with a `view` kind only when
 * the experiment declares such a view (engine/views.ts), once per view. No React here, so that chart data
 * is tested in Node without the DOM.
 */
import type { ExperimentConfig } from '../../engine/config/types';
import type { RunChange } from '../../engine/study/types';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import type { ViewKind, ViewSpec } from '../../engine/views';
import type { HistoryView } from '../../state/history';
import type { PlaygroundStore } from '../../state/store';
import { downsampleColumns, MAX_POINTS, type Row } from './downsample';

/** A stored run drawn beside the live one (overlay.ts prepares it once per selection). */
export interface OverlayRun {
  id: string;
  /** Unique among the overlaid runs (a repeated name gets its position). */
  name: string;
  /** Its line style: a stroke-dasharray (overlay.ts RUN_DASHES). */
  dash: string;
  history: HistoryView;
  names: string[];
  info: TrainerInfo | null;
  /** Its mid-run learning-rate and method changes (marked on the charts, named after the run). */
  changes: readonly RunChange[];
}

/** Everything a chart may read. */
export interface ChartContext {
  history: HistoryView;
  info: TrainerInfo | null;
  config: ExperimentConfig;
  /** Task names: the trainer's, else the latest report's. */
  names: string[];
  /** For pictures that follow their own part of the state (the decision grid). */
  store: PlaygroundStore;
  /** Live changes of this run (learning rate, method): a dashed mark on every time chart. */
  changes: readonly RunChange[];
  /** Stored runs drawn beside the live one (prepared once per selection: overlay.ts). */
  overlay: readonly OverlayRun[];
}

/**
 * What a time chart's lines may read: the history, the task names and the trainer's info, not the config,
 * so that a config change (a new learning rate) redraws no line.
 */
export type LineContext = Pick<ChartContext, 'history' | 'info' | 'names'>;

/** A line of a time chart. */
/** How a standardised regression target's loss reads in the data's units (tooltip-rows.ts lossDataScale). */
export interface DataScale {
  /** What to multiply the shown value by: std². */
  factor: number;
  /** The words after the number, e.g. "in the data's units (× std² = 41.2)". */
  unit: string;
}

export interface SeriesSpec {
  /** The row key. */
  key: string;
  /** A standardised regression target's loss in the data's units (tooltip-rows.ts). */
  dataScale?: DataScale;
  /** Legend and tooltip label (default: key). */
  name?: string;
  /** The full label when `name` is shortened: the legend's hover text and the tooltip's label. */
  title?: string;
  color: string;
  dashed?: boolean;
  /** An explicit stroke-dasharray (an overlaid run's line style); wins over `dashed`. */
  dash?: string;
  /** Stroke opacity (an overlaid run's secondary lines are fainter). Default 1. */
  opacity?: number;
  /** The overlaid run this line belongs to (its name); absent for the live run. */
  run?: string;
}

/** A line and the history series it draws (state/history.ts SERIES). */
export interface LineSpec extends SeriesSpec {
  column: string;
}

type Text = string | ((ctx: ChartContext) => string);

export interface TimeSeriesChartSpec {
  kind: 'time-series';
  /** data-chart attribute (browser tests wait on it). */
  id: string;
  view?: ViewKind;
  title: Text;
  /** The ⓘ tip: what the chart shows, in a sentence or two. */
  info: Text;
  /** Shown until the chart is ready. */
  empty: Text;
  yLabel: Text;
  lines(ctx: LineContext): LineSpec[];
  /** A "Log scale" toggle, on at first when `on`; `what` names the values in the note when it is off. */
  log?: { on: boolean; what: string };
  domain?: [number, number];
  ticks?: number[];
  /** A labelled line at y = 0 with the area below shaded (conflict). */
  zeroLine?: string;
  /** A labelled dashed line at a level of this run (say, the chance level of accuracy), or null for none. */
  referenceLine?(ctx: ChartContext): { y: number; label: string } | null;
  /** How the y ticks read: 'percent' shows 0.85 as 85% (accuracy). Default: plain numbers. */
  yFormat?(ctx: ChartContext): 'percent' | 'number';
  /** Default: some report and some line. */
  ready?(ctx: ChartContext): boolean;
  footer?(ctx: ChartContext): string | null;
}

export const defineTimeSeries = (spec: Omit<TimeSeriesChartSpec, 'kind'>): TimeSeriesChartSpec => ({
  kind: 'time-series',
  ...spec,
});

export const textOf = (text: Text, ctx: ChartContext): string =>
  typeof text === 'string' ? text : text(ctx);

/** What chartsFor needs of a chart. */
interface Pickable {
  kind: string;
  id: string;
  view?: ViewKind;
}

export interface ChartInstance<C extends Pickable> {
  chart: C;
  view: ViewSpec | undefined;
  /** React key: the chart's id, and the view's position for view charts. */
  key: string;
}

/** The charts to draw for these views, in registry order: standard ones once, view charts once per view. */
export function chartsFor<C extends Pickable>(
  charts: readonly C[],
  views: readonly ViewSpec[],
): ChartInstance<C>[] {
  return charts.flatMap((chart): ChartInstance<C>[] => {
    if (!chart.view) return [{ chart, view: undefined, key: chart.id }];
    const matching = views.filter((v) => v.kind === chart.view);
    // A time series draws the history once, however many views ask for it.
    const drawn = chart.kind === 'time-series' ? matching.slice(0, 1) : matching;
    return drawn.map((view, i) => ({ chart, view, key: `${chart.id}-${i}` }));
  });
}

/** The lines of a time chart and its rows, reduced to `maxPoints` (each bucket's min and max kept). */
export function timeSeriesData(
  spec: TimeSeriesChartSpec,
  ctx: LineContext,
  maxPoints = MAX_POINTS,
): { lines: LineSpec[]; rows: Row[] } {
  const lines = spec.lines(ctx);
  const columns = ctx.history.columns(lines.map((l) => [l.key, l.column] as const));
  return { lines, rows: downsampleColumns(columns, maxPoints) };
}

/** Whether a time chart has something to draw (its own rule, else: a report and a line). */
export const timeSeriesReady = (spec: TimeSeriesChartSpec, ctx: ChartContext, lines: readonly LineSpec[]) =>
  spec.ready ? spec.ready(ctx) : ctx.history.reports > 0 && lines.length > 0;
