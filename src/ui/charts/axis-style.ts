/**
 * How the Recharts pictures' axes look (communication, merging, meta-learning fits, embedding cache):
 * muted 12 px ticks and titles, the y title turned along its axis, as the canvas time charts draw theirs
 * (time-scene.ts), so that every chart reads alike in both themes.
 */
import type { LabelProps } from 'recharts';

export const AXIS_TICK = { fill: 'var(--muted)', fontSize: 12 };

/** The y axis title, turned along the axis. */
export const yLabelOf = (value: string): LabelProps => ({
  value,
  angle: -90,
  position: 'insideLeft',
  fill: 'var(--muted)',
  fontSize: 12,
  style: { textAnchor: 'middle' },
});

/** The x axis title, under the ticks. */
export const xLabelOf = (value: string, offset = -12): LabelProps => ({
  value,
  position: 'insideBottom',
  offset,
  fill: 'var(--muted)',
  fontSize: 12,
});
