/**
 * The plane: the task gradients as arrows with draggable handles (pointer, or arrow keys on a focused
 * handle), every selected method's output arrow as the engine computed it, and the focused method's
 * construction (or every one's). The extent stays fixed during a drag, so the picture does not jump under
 * the pointer; it adapts to the vectors when the drag ends.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useStore } from 'zustand';
import type { ExplorerController } from '../../state/explorer/explorer-controller';
import { explorerMethod } from '../../state/explorer/explorer-methods';
import { activeGrads } from '../../state/explorer/explorer-store';
import { plotExtent, type Vec2 } from '../../state/explorer/geometry';
import { taskColor } from '../charts/palette';
import { Arrow } from './Arrow';
import { Construction } from './Construction';
import { formatNumber, makeFrame, PLANE_SIZE, type Frame } from './frame';

/** Arrow keys move a handle by this much (Shift: five times as much). */
export const KEY_STEP = 0.1;
/** A dragged handle snaps to this grid, so the numbers stay readable. */
const DRAG_SNAP = 0.05;

const snap = (x: number) => Math.round(x / DRAG_SNAP) * DRAG_SNAP;

function Grid({ frame }: { frame: Frame }) {
  const e = frame.extent;
  const step = e <= 3 ? 0.5 : e <= 6 ? 1 : e <= 15 ? 2 : e <= 30 ? 5 : 25;
  const ticks: number[] = [];
  for (let v = -Math.floor(e / step) * step; v <= e + 1e-9; v += step) ticks.push(Number(v.toFixed(6)));
  return (
    <g className="explorer-grid">
      {ticks.map((v) => {
        const [x] = frame.toSvg([v, 0]);
        const [, y] = frame.toSvg([0, v]);
        return (
          <g key={v}>
            <line x1={x} y1={0} x2={x} y2={PLANE_SIZE} className={v === 0 ? 'axis' : undefined} />
            <line x1={0} y1={y} x2={PLANE_SIZE} y2={y} className={v === 0 ? 'axis' : undefined} />
            {v !== 0 && Number.isInteger(v) ? (
              <text x={x + 3} y={PLANE_SIZE / 2 + 12} className="explorer-tick">
                {formatNumber(v)}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

export function GradientPlane({ controller }: { controller: ExplorerController }) {
  const state = useStore(controller.store);
  const grads = activeGrads(state);
  const answered = state.answers;
  const outputs = state.selected.flatMap((id) => {
    const answer = answered?.byMethod[id];
    return answer?.ok
      ? [{ id, direction: [answer.direction[0] ?? 0, answer.direction[1] ?? 0] as Vec2 }]
      : [];
  });
  const svgRef = useRef<SVGSVGElement>(null);
  const [dragging, setDragging] = useState<{ task: number; extent: number } | null>(null);
  const extent = dragging?.extent ?? plotExtent([...grads, ...outputs.map((o) => o.direction)]);
  const frame = makeFrame(extent);

  const toMath = (event: PointerEvent): Vec2 | null => {
    const svg = svgRef.current;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return null;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const [x, y] = frame.fromSvg([point.x, point.y]);
    return [snap(Math.max(-extent, Math.min(extent, x))), snap(Math.max(-extent, Math.min(extent, y)))];
  };
  const onPointerDown = (task: number) => (event: PointerEvent<SVGCircleElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    setDragging({ task, extent });
  };
  const onPointerMove = (event: PointerEvent<SVGCircleElement>) => {
    if (!dragging) return;
    const v = toMath(event);
    if (v) controller.setGradient(dragging.task, v);
  };
  const onPointerUp = () => setDragging(null);
  const onKeyDown = (task: number) => (event: KeyboardEvent<SVGCircleElement>) => {
    const step = event.shiftKey ? KEY_STEP * 5 : KEY_STEP;
    const moves: Record<string, Vec2> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    const g = grads[task];
    if (!move || !g) return;
    event.preventDefault();
    controller.setGradient(task, [g[0] + move[0], g[1] + move[1]]);
  };

  const drawn = state.allConstructions ? state.selected : [state.focus];
  // Constructions are drawn for the gradients the answer was computed on, so the two always agree.
  const answeredGrads = answered && answered.grads.length === grads.length ? answered.grads : null;
  return (
    <svg
      ref={svgRef}
      className="explorer-plane"
      viewBox={`0 0 ${PLANE_SIZE} ${PLANE_SIZE}`}
      role="group"
      aria-label={`The gradient plane, from −${extent} to ${extent} on both axes`}
      data-extent={extent}
    >
      <Grid frame={frame} />
      {answeredGrads
        ? drawn.map((id) => {
            const out = outputs.find((o) => o.id === id);
            return out ? (
              <Construction
                key={`c-${id}`}
                method={id}
                frame={frame}
                grads={answeredGrads}
                direction={out.direction}
              />
            ) : null;
          })
        : null}
      {outputs.map((o) => (
        <Arrow
          key={o.id}
          frame={frame}
          to={o.direction}
          color={explorerMethod(o.id)?.color ?? 'currentColor'}
          width={o.id === state.focus ? 3 : 2}
          // Only the focused arrow is labelled (all of them when every construction is drawn): labels
          // of short arrows near the origin would cover each other. The table's swatches name the rest.
          {...(state.allConstructions || o.id === state.focus
            ? { label: explorerMethod(o.id)?.card.label ?? o.id }
            : {})}
          faint={!state.allConstructions && o.id !== state.focus}
        />
      ))}
      {grads.map((g, t) => {
        const [x, y] = frame.toSvg(g);
        return (
          <g key={`g${t}`} className="explorer-gradient">
            <Arrow
              frame={frame}
              to={g}
              color={taskColor(t)}
              width={3.5}
              label={`g${'₁₂₃'[t] ?? t + 1}`}
              labelOffset={24}
            />
            <circle
              cx={x}
              cy={y}
              r={11}
              className="explorer-handle"
              stroke={taskColor(t)}
              tabIndex={0}
              role="button"
              aria-label={`Task ${t + 1} gradient at (${formatNumber(g[0], 2)}, ${formatNumber(g[1], 2)}): drag it, or use the arrow keys (Shift for bigger steps)`}
              data-task={t}
              onPointerDown={onPointerDown(t)}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
              onKeyDown={onKeyDown(t)}
            />
          </g>
        );
      })}
    </svg>
  );
}
