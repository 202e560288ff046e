/**
 * playground-2d: each task's decision boundary, side by side: the model's probability on a grid over
 * [-6, 6]² (orange = class 0, blue = class 1, as TensorFlow Playground) with the training points on top.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ExperimentConfig } from '../../engine/config/types';
import { Rng } from '../../engine/random/rng';
import { findTaskSuite } from '../../engine/tasks/registry';
import type { DecisionGrid } from '../../state/store';
import { ChartCard } from './ChartCard';

const SIZE = 180;
const POINTS_SHOWN = 300;
const [C0, C1] = [
  [232, 126, 40],
  [47, 126, 216],
];

function usePoints(config: ExperimentConfig) {
  return useMemo(() => {
    const suite = findTaskSuite(config.task.id);
    if (!suite || suite.kind !== 'data') return null;
    // The same seed stream as the trainer's data: these are the very training samples.
    const built = suite.build(config.task.params, new Rng(config.seed).fork('data'));
    return built.kind === 'data' && built.train.mode === 'shared'
      ? { split: built.train, T: built.tasks.length }
      : null;
  }, [config.task, config.seed]);
}

function Panel({
  t,
  name,
  grid,
  points,
}: {
  t: number;
  name: string;
  grid: DecisionGrid;
  points: ReturnType<typeof usePoints>;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const n = grid.size;
    const image = ctx.createImageData(n, n);
    for (let i = 0; i < n * n; i++) {
      const p = 1 / (1 + Math.exp(-(grid.values[t * n * n + i] ?? 0)));
      for (let c = 0; c < 3; c++) image.data[4 * i + c] = (C0[c] as number) * (1 - p) + (C1[c] as number) * p;
      image.data[4 * i + 3] = 150;
    }
    const scratch = new OffscreenCanvas(n, n);
    scratch.getContext('2d')?.putImageData(image, 0, 0);
    ctx.clearRect(0, 0, SIZE, SIZE);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(scratch, 0, 0, SIZE, SIZE);
    if (!points) return;
    const { split, T } = points;
    for (let k = 0; k < Math.min(split.count, POINTS_SHOWN); k++) {
      const [x1, x2] = [split.x[2 * k] ?? 0, split.x[2 * k + 1] ?? 0];
      const label = (split.y[k * T + t] ?? 0) > 0.5;
      ctx.beginPath();
      ctx.arc(((x1 + 6) / 12) * SIZE, ((6 - x2) / 12) * SIZE, 2.4, 0, 2 * Math.PI);
      ctx.fillStyle = `rgb(${(label ? C1 : C0).join(',')})`;
      ctx.strokeStyle = 'white';
      ctx.lineWidth = 0.8;
      ctx.fill();
      ctx.stroke();
    }
  }, [grid, points, t]);
  return (
    <figure className="boundary-panel">
      <figcaption>{name}</figcaption>
      <canvas ref={ref} width={SIZE} height={SIZE} role="img" aria-label={`Decision boundary of ${name}`} />
      <div className="boundary-axes">
        <span>x1 from −6 to 6 →</span>
        <span>x2 ↑</span>
      </div>
    </figure>
  );
}

export function DecisionBoundary({
  config,
  grid,
  names,
}: {
  config: ExperimentConfig;
  grid: DecisionGrid | null;
  names: string[];
}) {
  const points = usePoints(config);
  return (
    <ChartCard
      id="boundary"
      title={grid ? `Decision boundaries at step ${grid.step}` : 'Decision boundaries'}
      help="Each task's predicted probability of class 1 (blue) versus class 0 (orange) over the input plane, with training points. Tasks that share a network must draw their boundaries with the same features."
      ready={Boolean(grid)}
    >
      <div className="boundary-row">
        {grid
          ? names.map((name, t) => <Panel key={name} t={t} name={name} grid={grid} points={points} />)
          : null}
      </div>
    </ChartCard>
  );
}
