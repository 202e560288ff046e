/**
 * What a time chart shows under the pointer: a cursor line at the nearest drawn step and the tooltip with
 * every line's value there (TimeTooltip.tsx), beside the cursor on the side with more room. HTML over the
 * canvas, so moving the pointer never repaints the plot; new rows move the cursor to their nearest step.
 */
import { memo } from 'react';
import type { SeriesSpec } from './define';
import type { Row } from './downsample';
import { fromPx, nearestStep, toPx } from './plot-scale';
import type { Scene } from './scene';
import { TimeTooltip } from './TimeTooltip';

interface Props {
  scene: Scene;
  rows: readonly Row[];
  lines: readonly SeriesSpec[];
  /** The pointer's x in the plot element's CSS pixels. */
  pointerX: number;
}

/** Room between the cursor and its tooltip. */
const GAP = 12;

export const PlotPointer = memo(function PlotPointer({ scene, rows, lines, pointerX }: Props) {
  const { plot } = scene;
  if (pointerX < plot.left || pointerX > plot.right) return null;
  const step = nearestStep(rows, fromPx(scene.x, pointerX));
  if (step === undefined) return null;
  const x = toPx(scene.x, step);
  const onLeft = x > scene.width / 2;
  return (
    <>
      <div
        className="chart-cursor"
        style={{ left: Math.round(x), top: plot.top, height: plot.bottom - plot.top }}
        aria-hidden
      />
      <div
        className="chart-tooltip-wrap"
        style={{ top: plot.top, ...(onLeft ? { right: scene.width - x + GAP } : { left: x + GAP }) }}
      >
        <TimeTooltip lines={lines} rows={rows} step={step} />
      </div>
    </>
  );
});
