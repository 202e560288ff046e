/** One panel of the toy picture: a contour image with θ axes, the Pareto set, trajectories and starts. */
import { useId } from 'react';
import { TOY_PARETO, toyLosses } from '../../engine/tasks/toy';
import { taskColor } from './palette';
import { contourImage, evaluateGrid, linearTicks, TOY_BOUNDS, toUnit } from './raster';

const [M, P] = [30, 220]; // margin and plot side in viewBox units
const W = M + P + 8;
const cache = new Map<number, string[]>();

/** Data URLs of the two contour images, computed once per resolution for the page's lifetime. */
export function toyLandscapeImages(n: number): string[] {
  const hit = cache.get(n);
  if (hit) return hit;
  const fields = evaluateGrid(n, TOY_BOUNDS, 2, toyLosses);
  const urls = fields.map((f) => {
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [n, n];
    const image = new ImageData(n, n);
    image.data.set(contourImage(f, n));
    canvas.getContext('2d')?.putImageData(image, 0, 0);
    return canvas.toDataURL();
  });
  cache.set(n, urls);
  return urls;
}

const at = (x1: number, x2: number): [number, number] => {
  const [u, v] = toUnit(TOY_BOUNDS, x1, x2);
  return [M + u * P, 4 + v * P];
};
const points = (path: readonly (readonly number[])[]) =>
  path
    .map((p) =>
      at(p[0] ?? 0, p[1] ?? 0)
        .map((c) => c.toFixed(1))
        .join(','),
    )
    .join(' ');
const tickText = { fontSize: 9, fill: 'var(--muted)' };

export function ToyPanel({
  name,
  image,
  paths,
  starts,
}: {
  name: string;
  image: string;
  paths: (readonly (readonly number[])[])[];
  starts: readonly (readonly number[])[];
}) {
  const [[p0, p1], y] = [TOY_PARETO.theta1Range, TOY_PARETO.theta2];
  const clip = `toy-clip-${useId().replace(/\W/g, '')}`;
  const ticks = linearTicks(-10, 10, 5);
  return (
    <figure style={{ margin: 0, flex: '1 1 220px', maxWidth: 340 }}>
      <figcaption style={{ textAlign: 'center', fontWeight: 600, fontSize: 13 }}>{name}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${W}`}
        width="100%"
        role="img"
        aria-label={`Loss landscape of ${name} over θ1, θ2 in [-10, 10], with the Pareto set at θ2 ≈ ${y} and ${paths.length} trajectories`}
      >
        <defs>
          <clipPath id={clip}>
            <rect x={M} y={4} width={P} height={P} />
          </clipPath>
        </defs>
        <image href={image} x={M} y={4} width={P} height={P} preserveAspectRatio="none" />
        {ticks.map((v) => (
          <g key={v}>
            <text x={at(v, -10)[0]} y={4 + P + 10} textAnchor="middle" style={tickText}>
              {v}
            </text>
            <text x={M - 3} y={at(-10, v)[1] + 3} textAnchor="end" style={tickText}>
              {v}
            </text>
          </g>
        ))}
        <text x={M + P / 2} y={W - 2} textAnchor="middle" style={{ ...tickText, fontSize: 10 }}>
          θ1
        </text>
        <text
          x={8}
          y={4 + P / 2}
          textAnchor="middle"
          transform={`rotate(-90 8 ${4 + P / 2})`}
          style={{ ...tickText, fontSize: 10 }}
        >
          θ2
        </text>
        <g clipPath={`url(#${clip})`} fill="none" strokeLinecap="round" strokeLinejoin="round">
          <line
            x1={at(p0, y)[0]}
            y1={at(p0, y)[1]}
            x2={at(p1, y)[0]}
            y2={at(p1, y)[1]}
            stroke="#000"
            strokeWidth={5}
          />
          <line
            x1={at(p0, y)[0]}
            y1={at(p0, y)[1]}
            x2={at(p1, y)[0]}
            y2={at(p1, y)[1]}
            stroke="#fff"
            strokeWidth={3}
          />
          {paths.map((path, s) => (
            <g key={s}>
              <polyline points={points(path)} stroke="#fff" strokeWidth={3.2} />
              <polyline points={points(path)} stroke={taskColor(s)} strokeWidth={1.8} />
              {path.length > 1 ? (
                <circle
                  cx={at(path.at(-1)?.[0] ?? 0, path.at(-1)?.[1] ?? 0)[0]}
                  cy={at(path.at(-1)?.[0] ?? 0, path.at(-1)?.[1] ?? 0)[1]}
                  r={3}
                  fill={taskColor(s)}
                  stroke="#fff"
                />
              ) : null}
            </g>
          ))}
          {starts.map((p, s) => (
            <circle
              key={s}
              cx={at(p[0] ?? 0, p[1] ?? 0)[0]}
              cy={at(p[0] ?? 0, p[1] ?? 0)[1]}
              r={4.5}
              fill="#fff"
              stroke={taskColor(s)}
              strokeWidth={2.2}
            />
          ))}
        </g>
      </svg>
    </figure>
  );
}
