/**
 * A tiny inline line of a run's mean training loss (no axes: the shape is the message: did it go down,
 * plateau, blow up). On a log scale when the loss spans more than a factor of 10, as loss curves usually do.
 */
export function Sparkline({
  values,
  width = 96,
  height = 24,
}: {
  values: number[];
  width?: number;
  height?: number;
}) {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2)
    return <svg className="sparkline" width={width} height={height} aria-hidden="true" />;
  const positive = finite.every((v) => v > 0);
  const lo0 = Math.min(...finite);
  const hi0 = Math.max(...finite);
  const log = positive && hi0 / lo0 > 10;
  const f = (v: number) => (log ? Math.log10(v) : v);
  const [lo, hi] = [f(lo0), f(hi0)];
  const span = hi - lo || 1;
  const points = values
    .map((v, i) => {
      if (!Number.isFinite(v)) return null;
      const x = (i / (values.length - 1)) * (width - 2) + 1;
      const y = height - 1 - ((f(v) - lo) / span) * (height - 2);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .filter(Boolean)
    .join(' ');
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img">
      <title>{`Mean training loss over the run${log ? ' (log scale)' : ''}: from ${values[0]?.toPrecision(3)} to ${values.at(-1)?.toPrecision(3)}`}</title>
      <polyline points={points} fill="none" stroke="var(--accent)" strokeWidth="1.5" />
    </svg>
  );
}
