/**
 * The landscape view (objective suites): each task's loss over θ as filled contours (computed once from
 * the view's loss function), the view's marked segment, and each start point's θ trajectory drawn live.
 */
import { useMemo, type CSSProperties } from 'react';
import type { LandscapeView } from '../../engine/views';
import { ChartCard } from './ChartCard';
import { defineViewChart } from './component-chart';
import type { ChartContext } from './define';
import { downsamplePath } from './downsample';
import { taskColor } from './palette';
import { landscapeImages, LandscapePanel } from './LandscapePanel';
import { formatNumber } from './series';
import { shortTaskNames } from './task-labels';

export interface LandscapeProps {
  view: LandscapeView;
  /** Panel titles, one per task. */
  names: readonly string[];
  /** trajectories[start][k] = [θ1, θ2]. */
  trajectories: readonly (readonly (readonly number[])[])[];
  /** Points per drawn trajectory at most (evenly thinned). Default 500. */
  maxPathPoints?: number;
  /** Landscape grid resolution. Default 160. */
  resolution?: number;
}

const key: CSSProperties = { display: 'inline-flex', alignItems: 'center', gap: 4, marginRight: 10 };

export function Landscape({
  view,
  names,
  trajectories,
  maxPathPoints = 500,
  resolution = 160,
}: LandscapeProps) {
  const images = useMemo(() => landscapeImages(view, resolution), [view, resolution]);
  const paths = useMemo(
    () => trajectories.map((p) => downsamplePath(p, maxPathPoints)),
    [trajectories, maxPathPoints],
  );
  const starts = trajectories.flatMap((p) => (p[0] ? [p[0]] : []));
  const drawn = trajectories.some((p) => p.length > 1);
  const titles = shortTaskNames(images.map((_, t) => names[t] ?? `task ${t + 1}`));
  return (
    <ChartCard
      id="landscape"
      title="Loss landscapes and trajectories"
      info={`Each task's loss over θ (darker = lower loss, bands at equal-area levels)${view.mark ? `, with ${view.mark.label} marked by the white line` : ''}. Each coloured path runs from a start point (open circle) to where the method has taken it (dot): plain gradient descent can stall in a valley where conflict-averse methods go on.`}
      dataReady={drawn}
      footer={
        <span>
          {view.mark ? (
            <span style={key}>
              <svg width="18" height="6" aria-hidden>
                <line x1="0" y1="3" x2="18" y2="3" stroke="var(--fg)" strokeWidth="3" />
              </svg>
              {view.mark.label}
            </span>
          ) : null}
          {starts.map((p, s) => (
            <span key={s} style={key}>
              <svg width="10" height="10" aria-hidden>
                <circle cx="5" cy="5" r="4" fill={taskColor(s)} />
              </svg>
              start ({formatNumber(p[0] ?? NaN)}, {formatNumber(p[1] ?? NaN)})
            </span>
          ))}
          {drawn ? null : <span>Press Train to draw the trajectories.</span>}
        </span>
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'center' }}>
        {images.map((image, t) => (
          <LandscapePanel
            key={t}
            name={titles[t] ?? ''}
            image={image}
            bounds={view.bounds}
            mark={view.mark}
            paths={paths}
            starts={starts}
          />
        ))}
      </div>
    </ChartCard>
  );
}

function LandscapeLive({ ctx, view }: { ctx: ChartContext; view: LandscapeView }) {
  const { history } = ctx;
  const trajectories = useMemo(
    () => Array.from({ length: history.points }, (_, p) => history.path(p)),
    [history],
  );
  return <Landscape view={view} names={ctx.names} trajectories={trajectories} />;
}

export const landscapeChart = defineViewChart('landscape', 'landscape', LandscapeLive);
