/**
 * The CAGrad toy: both loss landscapes as banded heat maps (bands read as contours), the Pareto set
 * (θ1 ∈ [-7, 7] at θ2 ≈ -8.355) as a white line, and each start point's trajectory drawn live.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Report } from '../../engine/train/report';
import { TOY_PARETO, toyLosses } from '../../engine/tasks/toy';
import { ChartCard } from './ChartCard';
import { taskColor } from './palette';

const SIZE = 260;
const N = 120;
const BANDS = 14;
const toPx = (v: number) => ((v + 10) / 20) * SIZE;

/** Banded viridis-like colours for a value in [0, 1]. */
function band(u: number): [number, number, number] {
  const b = Math.floor(Math.min(0.999, Math.max(0, u)) * BANDS) / (BANDS - 1);
  return [
    Math.round(68 + 185 * b),
    Math.round(1 + 230 * b * (1.2 - b * 0.4)),
    Math.round(84 + 80 * Math.sin(Math.PI * b)),
  ];
}

function useLandscape(task: 0 | 1) {
  return useMemo(() => {
    const values = new Float64Array(N * N);
    for (let r = 0; r < N; r++)
      for (let c = 0; c < N; c++)
        values[r * N + c] = toyLosses(-10 + (20 * (c + 0.5)) / N, 10 - (20 * (r + 0.5)) / N)[task];
    // Rank-normalise: the landscape spans a log-valley and a quadratic wall, which linear colour flattens.
    const order = Array.from(values.keys()).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
    const ranks = new Float64Array(N * N);
    order.forEach((index, rank) => (ranks[index] = rank / (N * N)));
    return ranks;
  }, [task]);
}

function Panel({ task, trajectories }: { task: 0 | 1; trajectories: number[][][] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const landscape = useLandscape(task);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(N, N);
    landscape.forEach((u, i) => {
      const [r, g, b] = band(u);
      image.data.set([r, g, b, 255], 4 * i);
    });
    const scratch = new OffscreenCanvas(N, N);
    scratch.getContext('2d')?.putImageData(image, 0, 0);
    ctx.drawImage(scratch, 0, 0, SIZE, SIZE);
    ctx.strokeStyle = 'white';
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(toPx(TOY_PARETO.theta1Range[0]), toPx(-TOY_PARETO.theta2));
    ctx.lineTo(toPx(TOY_PARETO.theta1Range[1]), toPx(-TOY_PARETO.theta2));
    ctx.stroke();
    trajectories.forEach((path, r) => {
      ctx.strokeStyle = taskColor(r + 2);
      ctx.lineWidth = 2;
      ctx.beginPath();
      path.forEach(([x = 0, y = 0], k) =>
        k ? ctx.lineTo(toPx(x), toPx(-y)) : ctx.moveTo(toPx(x), toPx(-y)),
      );
      ctx.stroke();
      const [sx = 0, sy = 0] = path[0] ?? [];
      const [ex = 0, ey = 0] = path[path.length - 1] ?? [];
      ctx.fillStyle = 'white';
      ctx.fillRect(toPx(sx) - 3, toPx(-sy) - 3, 6, 6);
      ctx.beginPath();
      ctx.arc(toPx(ex), toPx(-ey), 4, 0, 2 * Math.PI);
      ctx.fillStyle = taskColor(r + 2);
      ctx.fill();
    });
  }, [landscape, trajectories]);
  return (
    <figure className="boundary-panel">
      <figcaption>L{task + 1}(θ)</figcaption>
      <canvas
        ref={ref}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={`Loss landscape of task ${task + 1} with trajectories`}
      />
      <div className="boundary-axes">
        <span>θ1 from −10 to 10 →</span>
        <span>θ2 ↑</span>
      </div>
    </figure>
  );
}

export function ToyLandscape({ reports }: { reports: Report[] }) {
  const trajectories = useMemo(() => {
    const paths: number[][][] = [];
    for (const report of reports) report.points?.forEach((p, r) => (paths[r] ??= []).push(p.theta));
    return paths;
  }, [reports]);
  return (
    <ChartCard
      id="landscape"
      title="Loss landscapes and trajectories"
      help="The CAGrad toy (Liu et al., NeurIPS 2021): darker is lower loss. Squares are the start points, dots where each run is now; the white line is the Pareto set. CAGrad heads for its middle, MGDA and PCGrad stop where they first reach it."
      ready={reports.length > 0}
    >
      <div className="boundary-row">
        <Panel task={0} trajectories={trajectories} />
        <Panel task={1} trajectories={trajectories} />
      </div>
    </ChartCard>
  );
}
