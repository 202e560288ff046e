/**
 * What a Recharts time chart draws inside its LineChart: grid, axes with our ranges and ticks, the
 * tooltip (only under the pointer; TimeTooltip.tsx), the zero line over the conflict area, the marks of
 * live changes (marks.ts) and the lines, the live run's and the overlaid runs'. The chart keeps
 * these elements in a memo, so an update that only brings new rows gives Recharts the same children:
 * React skips them and only the components that follow the data render again (issue 11).
 */
import type { ReactElement, ReactNode } from 'react';
import {
  CartesianGrid,
  Curve,
  Line,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type CurveProps,
  type LabelProps,
} from 'recharts';
import { MarkLabel } from './ChartLabels';
import type { SeriesSpec } from './define';
import type { Row } from './downsample';
import type { Mark } from './marks';
import { formatNumber, formatPercent } from './series';
import { TimeTooltip } from './TimeTooltip';
import { AXIS_TICK, xLabelOf, yLabelOf } from './axis-style';

/** The y axis' room for tick labels and its title. */
export const Y_AXIS_WIDTH = 58;
const X_DOMAIN = ['dataMin', 'dataMax'];
const axisTick = AXIS_TICK;
const xLabel = xLabelOf('step', -10);
/** The tooltip sits above the lines and the marks, and lets the pointer through to them. */
const tooltipWrapper = { zIndex: 30, pointerEvents: 'none' as const };
export { yLabelOf };

/**
 * The tooltip's content for these lines: one function per set of lines, so the Tooltip keeps its props
 * while rows arrive; it reads the rows drawn at the moment it renders.
 */
export const tooltipContent = (lines: readonly SeriesSpec[], rows: () => readonly Row[]) =>
  function Content(props: object) {
    return <TimeTooltip lines={lines} rows={rows} {...props} />;
  };

/** A dashed vertical line per mark, its short label on the plot and the full text as the label's title. */
export const markElements = (marks: readonly Mark[]) =>
  marks.map((m) => (
    <ReferenceLine
      key={`mark-${m.step}`}
      x={m.step}
      stroke="var(--fg)"
      strokeOpacity={0.55}
      strokeWidth={1.2}
      strokeDasharray="3 3"
      zIndex={460}
      label={<MarkLabel short={m.short} full={m.full} />}
    />
  ));

/** What Recharts hands a line's shape besides the curve's own props: its draw-in animation's state. */
type LineShapeProps = CurveProps & {
  animationElapsedTime?: unknown;
  isAnimating?: unknown;
  isEntrance?: unknown;
  visibleLength?: unknown;
};

/**
 * A line's curve alone. Recharts' default line shape takes the path element's ref and measures it
 * (`getTotalLength`, which forces a layout of the path) on every redraw for a draw-in animation these
 * charts never play; without the ref nothing is measured (profiles of long tasks showed the measurement).
 */
function PlainCurve(props: LineShapeProps): ReactElement {
  const { pathRef, animationElapsedTime, isAnimating, isEntrance, visibleLength, ...curve } = props;
  void [pathRef, animationElapsedTime, isAnimating, isEntrance, visibleLength];
  return <Curve {...curve} />;
}

/**
 * One Recharts line per series: no dots, no animation, dashed for test series, an overlaid run in its own
 * style. With overlaid runs, rows of different runs interleave (their reports fall on other steps), so a
 * line bridges the rows that lack it; alone, a missing value stays a gap.
 */
export const lineElements = (lines: readonly SeriesSpec[]) => {
  const bridge = lines.some((s) => s.run !== undefined);
  return lines.map((s) => {
    const dash = s.dash ?? (s.dashed ? '5 4' : undefined);
    return (
      <Line
        key={s.key}
        dataKey={s.key}
        name={s.name ?? s.key}
        stroke={s.color}
        strokeWidth={s.run !== undefined ? 1.6 : 1.8}
        {...(dash ? { strokeDasharray: dash } : {})}
        {...(s.opacity !== undefined ? { strokeOpacity: s.opacity } : {})}
        connectNulls={bridge}
        dot={false}
        isAnimationActive={false}
        shape={PlainCurve}
      />
    );
  });
};

export interface PartsOptions {
  xTicks: number[];
  yDomain: [number, number];
  yTicks: number[];
  log: boolean;
  yLabel: LabelProps;
  /** Whether the pointer is over the chart (the tooltip exists only then). */
  hovered: boolean;
  content: ReturnType<typeof tooltipContent>;
  /** The zero line's label when the chart has a zero line and 0 is on the axis. */
  zeroLabel: ReactElement<SVGElement> | null;
  /** A labelled dashed level (a chance line), when it is on the axis. */
  reference?: { y: number; label: string } | undefined;
  /** 'percent': ticks read 85% for 0.85. */
  yFormat?: 'percent' | 'number';
  /** The marks of live changes (markElements). */
  marks: ReactNode;
  lines: ReactNode;
}

export function timeChartParts(o: PartsOptions): ReactNode {
  const y0 = o.yDomain[0];
  return (
    <>
      <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
      <XAxis
        dataKey="step"
        type="number"
        domain={X_DOMAIN}
        ticks={o.xTicks}
        interval={0}
        allowDataOverflow
        tickFormatter={formatNumber}
        tick={axisTick}
        stroke="var(--border)"
        label={xLabel}
      />
      <YAxis
        scale={o.log ? 'log' : 'linear'}
        domain={o.yDomain}
        ticks={o.yTicks}
        interval={0}
        allowDataOverflow
        tickFormatter={o.yFormat === 'percent' ? formatPercent : formatNumber}
        tick={axisTick}
        stroke="var(--border)"
        width={Y_AXIS_WIDTH}
        label={o.yLabel}
      />
      {o.hovered ? (
        <Tooltip
          content={o.content}
          wrapperStyle={tooltipWrapper}
          cursor={{ stroke: 'var(--muted)', strokeWidth: 1 }}
          isAnimationActive={false}
        />
      ) : null}
      {o.zeroLabel && y0 < 0 ? (
        // Colour and strength come from the stylesheet: the dark theme needs a stronger red to show.
        <ReferenceArea y1={y0} y2={0} className="conflict-area" />
      ) : null}
      {o.zeroLabel ? (
        <ReferenceLine
          y={0}
          stroke="var(--fg)"
          strokeWidth={1.2}
          strokeDasharray="6 3"
          zIndex={450}
          label={o.zeroLabel}
        />
      ) : null}
      {o.reference ? (
        <ReferenceLine
          y={o.reference.y}
          stroke="var(--muted)"
          strokeWidth={1.2}
          strokeDasharray="2 4"
          zIndex={440}
          label={{
            value: o.reference.label,
            position: 'insideBottomRight',
            fill: 'var(--muted)',
            fontSize: 11,
          }}
        />
      ) : null}
      {o.marks}
      {o.lines}
    </>
  );
}
