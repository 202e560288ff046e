/**
 * The decision-boundary view (2-D classification suites): each task's decision boundary side by side, a
 * canvas heatmap of the model's probability of class 1 (sigmoid of the logit) on the view's n×n grid over its
 * input box, with the training points coloured by their class for that task.
 */
import { useEffect, useId, useMemo, useRef, type CSSProperties } from 'react';
import type { ExperimentConfig } from '../../engine/config/types';
import { Rng } from '../../engine/random/rng';
import { findTaskSuite } from '../../engine/tasks/registry';
import type { DecisionBoundaryView } from '../../engine/views';
import type { Bounds } from '../../state/grid';
import type { PlaygroundState } from '../../state/store';
import { ChartCard } from './ChartCard';
import { defineViewChart } from './component-chart';
import type { ChartContext } from './define';
import { strideIndices } from './downsample';
import { CLASS_COLORS } from './palette';
import { boundaryImage, linearTicks, splitLabels, toUnit } from './raster';
import { formatNumber } from './series';
import { useScheduledSelection } from './use-scheduled';

export interface DecisionBoundaryProps {
  /** Task names, one panel each. */
  names: readonly string[];
  /** Grid points per side. */
  n: number;
  /** Logits [T, n*n], row-major with x2 descending by row and x1 ascending by column; null before the first. */
  values: Float32Array | null;
  bounds: Bounds;
  /** Data points [N, 2]. */
  x?: Float32Array | null;
  /** Per task, the class (0 or 1) of each point: labels[t][k]. */
  labels?: readonly ArrayLike<number>[];
  /** The step the grid was computed at, for the title. */
  step?: number;
  /** Points drawn at most per panel (evenly thinned). Default 400. */
  maxPoints?: number;
  /** Panel side in CSS pixels. Default 180. */
  size?: number;
}

const tick: CSSProperties = { fontSize: 11, color: 'var(--muted)', fontVariantNumeric: 'tabular-nums' };

interface PanelProps extends Required<Pick<DecisionBoundaryProps, 'n' | 'bounds' | 'maxPoints' | 'size'>> {
  t: number;
  name: string;
  values: Float32Array;
  x: Float32Array | null;
  labels: ArrayLike<number> | undefined;
}

function Panel({ t, name, n, values, bounds, x, labels, maxPoints, size }: PanelProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  // The n×n picture before scaling, kept between redraws (a new grid arrives with every refresh).
  const heatRef = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || values.length < (t + 1) * n * n) return;
    const dpr = globalThis.devicePixelRatio || 1;
    const px = Math.round(size * dpr);
    if (canvas.width !== px) [canvas.width, canvas.height] = [px, px];
    const heat = (heatRef.current ??= document.createElement('canvas'));
    if (heat.width !== n || heat.height !== n) [heat.width, heat.height] = [n, n];
    const image = new ImageData(n, n);
    image.data.set(boundaryImage(values, t, n));
    heat.getContext('2d')?.putImageData(image, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(heat, 0, 0, px, px);
    if (!x || !labels) return;
    const r = 2.6 * dpr;
    ctx.lineWidth = 0.9 * dpr;
    ctx.strokeStyle = 'rgba(20, 23, 28, 0.75)';
    for (const k of strideIndices(Math.floor(x.length / 2), maxPoints)) {
      const label = labels[k];
      if (label === undefined || !Number.isFinite(label)) continue;
      const [u, v] = toUnit(bounds, x[2 * k] as number, x[2 * k + 1] as number);
      ctx.beginPath();
      ctx.arc(u * px, v * px, r, 0, 2 * Math.PI);
      ctx.fillStyle = CLASS_COLORS[label > 0.5 ? 1 : 0];
      ctx.fill();
      ctx.stroke();
    }
  }, [t, n, values, bounds, x, labels, maxPoints, size]);
  const [[a0, a1], [b0, b1]] = bounds;
  return (
    <figure
      style={{
        margin: 0,
        display: 'grid',
        gridTemplateColumns: 'auto auto',
        gap: 2,
        justifyContent: 'start',
      }}
    >
      <span style={{ ...tick, alignSelf: 'end', textAlign: 'right' }}>x2 ↑</span>
      <div style={{ textAlign: 'center', fontWeight: 600, fontSize: 13 }}>{name}</div>
      <div
        style={{
          ...tick,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          textAlign: 'right',
        }}
      >
        {linearTicks(b1, b0, 3).map((v) => (
          <span key={v}>{formatNumber(v)}</span>
        ))}
      </div>
      <canvas
        ref={ref}
        role="img"
        aria-label={`Decision boundary of ${name}: probability of class 1 over x1 in [${a0}, ${a1}] and x2 in [${b0}, ${b1}], with the data points`}
        style={{ width: size, height: size, borderRadius: 4, border: '1px solid var(--border)' }}
      />
      <span />
      <div style={{ ...tick, display: 'flex', justifyContent: 'space-between', width: size }}>
        {linearTicks(a0, a1, 3).map((v) => (
          <span key={v}>{formatNumber(v)}</span>
        ))}
      </div>
      <span />
      <span style={{ ...tick, textAlign: 'center', width: size }}>x1 →</span>
    </figure>
  );
}

export function DecisionBoundary({
  names,
  n,
  values,
  bounds,
  x = null,
  labels,
  step,
  maxPoints = 400,
  size = 180,
}: DecisionBoundaryProps) {
  const ready = Boolean(values && names.length && values.length >= names.length * n * n);
  const swatch = (c: string): CSSProperties => ({
    display: 'inline-block',
    width: 10,
    height: 10,
    borderRadius: '50%',
    background: c,
    marginRight: 4,
  });
  return (
    <ChartCard
      id="boundary"
      title={step === undefined ? 'Decision boundaries' : `Decision boundaries at step ${step}`}
      info="Each task's predicted probability of class 1 (blue) against class 0 (orange) over the input plane, with the training points. Tasks sharing a network must draw their boundaries from the same hidden features."
      ready={ready}
      empty="Press Train to see each task's decision boundary."
      footer={
        ready ? (
          <span>
            <span style={swatch(CLASS_COLORS[0])} />
            class 0 &nbsp; <span style={swatch(CLASS_COLORS[1])} />
            class 1 · background: the model's probability of class 1
          </span>
        ) : null
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'center' }}>
        {values
          ? names.map((name, t) => (
              <Panel
                key={`${t}-${name}`}
                {...{ t, name, n, values, bounds, x, maxPoints, size }}
                labels={labels?.[t]}
              />
            ))
          : null}
      </div>
    </ChartCard>
  );
}

/** The very training samples: the same seed stream as the trainer's data (cheap for 2-D suites). */
function useTrainingPoints(config: ExperimentConfig) {
  return useMemo(() => {
    const suite = findTaskSuite(config.task.id);
    if (!suite || suite.kind !== 'data') return null;
    const built = suite.build(config.task.params, new Rng(config.seed).fork('data'));
    if (built.kind !== 'data' || built.train.mode !== 'shared') return null;
    const { x, y, count } = built.train;
    return { x, labels: splitLabels(y, count, built.tasks.length) };
  }, [config.task, config.seed]);
}

const selectGrid = (s: PlaygroundState) => s.grid;

/** Follows the store's grid itself (in its own frame slot), so a new grid redraws only these canvases. */
function BoundaryLive({ ctx, view }: { ctx: ChartContext; view: DecisionBoundaryView }) {
  const grid = useScheduledSelection(ctx.store, selectGrid, `grid:${useId()}`);
  const points = useTrainingPoints(ctx.config);
  return (
    <DecisionBoundary
      names={ctx.names}
      n={grid?.size ?? view.gridSize}
      bounds={grid?.bounds ?? view.bounds}
      values={grid?.values ?? null}
      x={points?.x ?? null}
      labels={points?.labels ?? []}
      {...(grid ? { step: grid.step } : {})}
    />
  );
}

export const decisionBoundaryChart = defineViewChart('boundary', 'decision-boundary', BoundaryLive);
