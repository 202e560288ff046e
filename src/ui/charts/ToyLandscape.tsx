/**
 * The CAGrad toy: the landscapes of L1 and L2 over [-10, 10]² as filled contours (computed once with
 * toyLosses), the Pareto set marked, and each start point's θ trajectory drawn live.
 */
import { useMemo, type CSSProperties } from 'react';
import { ChartCard } from './ChartCard';
import { downsamplePath } from './downsample';
import { taskColor } from './palette';
import { toyLandscapeImages, ToyPanel } from './ToyPanel';

export interface ToyLandscapeProps {
  /** trajectories[start][report] = [θ1, θ2] (see series.trajectories). */
  trajectories: readonly (readonly (readonly number[])[])[];
  /** Start points [θ1, θ2]; default: each trajectory's first point. */
  starts?: readonly (readonly number[])[];
  /** Panel titles. Default ['L1', 'L2']. */
  names?: readonly [string, string];
  /** Points per drawn trajectory at most (evenly thinned). Default 500. */
  maxPathPoints?: number;
  /** Landscape grid resolution. Default 160. */
  resolution?: number;
}

const key: CSSProperties = { display: 'inline-flex', alignItems: 'center', gap: 4, marginRight: 10 };

export function ToyLandscape({
  trajectories,
  starts,
  names = ['L1', 'L2'],
  maxPathPoints = 500,
  resolution = 160,
}: ToyLandscapeProps) {
  const images = useMemo(() => toyLandscapeImages(resolution), [resolution]);
  const paths = useMemo(
    () => trajectories.map((p) => downsamplePath(p, maxPathPoints)),
    [trajectories, maxPathPoints],
  );
  const origins = starts ?? trajectories.flatMap((p) => (p[0] ? [p[0]] : []));
  const drawn = trajectories.some((p) => p.length > 1);
  return (
    <ChartCard
      id="toy"
      title="Loss landscapes and trajectories"
      info="The two objectives of the CAGrad toy over θ (darker = lower loss, bands at equal-area levels). The white line is the Pareto set (θ1 in [-7, 7], θ2 ≈ -8.355); each coloured path runs from a start point (open circle) to where the method has taken it (dot). Plain gradient descent stalls in the valleys; conflict-averse methods reach the Pareto set."
      dataReady={drawn}
      footer={
        <span>
          <span style={key}>
            <svg width="18" height="6" aria-hidden>
              <line x1="0" y1="3" x2="18" y2="3" stroke="var(--fg)" strokeWidth="3" />
            </svg>
            Pareto set
          </span>
          {origins.map((p, s) => (
            <span key={s} style={key}>
              <svg width="10" height="10" aria-hidden>
                <circle cx="5" cy="5" r="4" fill={taskColor(s)} />
              </svg>
              start ({p[0]}, {p[1]})
            </span>
          ))}
          {drawn ? null : <span>Press Train to draw the trajectories.</span>}
        </span>
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'center' }}>
        {names.map((name, t) => (
          <ToyPanel key={name} name={name} image={images[t] ?? ''} paths={paths} starts={origins} />
        ))}
      </div>
    </ChartCard>
  );
}
