/**
 * The construction drawn around a method's arrow: how it arrived at the engine's answer (PCGrad's
 * projections, MGDA's hull, CAGrad's ball, the dual cone of UPGrad and DualProj, IMTL's equal projections,
 * Nash-MTL's bargaining curve). The geometry is computed here from the gradients and the engine's
 * direction; it draws what the answer means and never replaces it.
 */
import { explorerMethod } from '../../state/explorer/explorer-methods';
import {
  add,
  bargainingCurve,
  dualConePolygon,
  gradientPairs,
  norm,
  projectionFeet,
  projectOffConflict,
  projectOntoDualCone,
  scale,
  sum,
  type Vec2,
} from '../../state/explorer/geometry';
import { Arrow } from './Arrow';
import { pathOf, type Frame } from './frame';

export interface ConstructionProps {
  method: string;
  frame: Frame;
  grads: readonly Vec2[];
  /** The engine's direction for these gradients. */
  direction: Vec2;
}

export function Construction({ method, frame, grads, direction }: ConstructionProps) {
  const entry = explorerMethod(method);
  const construction = entry?.note.construction;
  const color = entry?.color ?? 'currentColor';
  const far = frame.extent * 1.5;
  const line = (a: Vec2, b: Vec2, key: string, dash = '2 4') => {
    const [x1, y1] = frame.toSvg(a);
    const [x2, y2] = frame.toSvg(b);
    return <line key={key} x1={x1} y1={y1} x2={x2} y2={y2} stroke={color} strokeDasharray={dash} />;
  };
  const dot = (p: Vec2, key: string, hollow = false) => {
    const [x, y] = frame.toSvg(p);
    return (
      <circle
        key={key}
        cx={x}
        cy={y}
        r={4}
        fill={hollow ? 'var(--bg)' : color}
        stroke={color}
        strokeWidth={1.5}
      />
    );
  };
  const cross = (p: Vec2, key: string) => {
    const [x, y] = frame.toSvg(p);
    return (
      <path
        key={key}
        d={`M${x - 5} ${y - 5}L${x + 5} ${y + 5}M${x - 5} ${y + 5}L${x + 5} ${y - 5}`}
        stroke={color}
        strokeWidth={2}
      />
    );
  };
  const circle = (center: Vec2, radius: number, key: string, dash?: string) => {
    const [x, y] = frame.toSvg(center);
    return (
      <circle
        key={key}
        cx={x}
        cy={y}
        r={radius * frame.unit}
        fill="none"
        stroke={color}
        strokeDasharray={dash}
      />
    );
  };
  const cone = () => (
    <path
      key="cone"
      d={pathOf(frame, dualConePolygon(grads, far), true)}
      fill={color}
      className="explorer-region"
    />
  );

  const parts: React.ReactNode[] = [];
  switch (construction?.kind) {
    case 'tip-to-tail': {
      let at: Vec2 = grads[0] ?? [0, 0];
      grads.slice(1).forEach((g, k) => {
        parts.push(
          <Arrow key={`chain${k}`} frame={frame} from={at} to={add(at, g)} color={color} width={1} dashed />,
        );
        at = add(at, g);
      });
      break;
    }
    case 'conflict-projections':
      for (const pair of gradientPairs(grads).filter((p) => p.conflict)) {
        for (const [i, j] of [
          [pair.i, pair.j],
          [pair.j, pair.i],
        ] as const) {
          const gi = grads[i] as Vec2;
          const gj = grads[j] as Vec2;
          const normal: Vec2 = scale([-gj[1], gj[0]], far / Math.max(norm(gj), 1e-9));
          parts.push(line(normal, scale(normal, -1), `normal${i}${j}`, '1 5'));
          const projected = projectOffConflict(gi, gj);
          parts.push(line(gi, projected, `drop${i}${j}`));
          parts.push(
            <Arrow key={`proj${i}${j}`} frame={frame} to={projected} color={color} width={1.5} dashed />,
          );
        }
      }
      break;
    case 'hull-min-norm': {
      // Two tips close into a segment, three into the triangle (any order).
      parts.push(
        <path
          key="hull"
          d={pathOf(frame, grads, true)}
          fill={color}
          stroke={color}
          className="explorer-region"
        />,
      );
      parts.push(circle([0, 0], norm(direction), 'reach', '2 4'));
      parts.push(dot(direction, 'minNorm'));
      break;
    }
    case 'ball-around-mean': {
      const g0 = scale(sum(grads), 1 / grads.length);
      parts.push(circle(g0, (construction.radius ?? 0) * norm(g0), 'ball'));
      parts.push(cross(g0, 'mean'));
      const onRim = scale(direction, construction.divideBy ?? 1);
      parts.push(line(g0, onRim, 'toRim'));
      parts.push(line(onRim, direction, 'rescale'));
      parts.push(dot(onRim, 'rim', true));
      break;
    }
    case 'dual-cone-projections':
      parts.push(cone());
      grads.forEach((g, t) => {
        const p = projectOntoDualCone(g, grads, far);
        parts.push(line(g, p, `drop${t}`));
        parts.push(<Arrow key={`proj${t}`} frame={frame} to={p} color={color} width={1.5} dashed />);
      });
      break;
    case 'dual-cone-mean': {
      parts.push(cone());
      const mean = scale(sum(grads), 1 / grads.length);
      parts.push(cross(mean, 'mean'));
      parts.push(line(mean, direction, 'project'));
      break;
    }
    case 'equal-projections':
      grads.forEach((g, t) => {
        const along = scale(g, far / Math.max(norm(g), 1e-9));
        parts.push(line(scale(along, -1), along, `dir${t}`, '1 5'));
      });
      projectionFeet(direction, grads).forEach((foot, t) => {
        parts.push(line(direction, foot, `foot${t}`));
        parts.push(dot(foot, `footDot${t}`));
      });
      break;
    case 'bargaining':
      parts.push(circle([0, 0], norm(direction), 'budget', '2 4'));
      parts.push(
        <path
          key="curve"
          d={pathOf(frame, bargainingCurve(direction, grads, far))}
          fill="none"
          stroke={color}
          strokeWidth={1.5}
        />,
      );
      break;
    case undefined:
      break;
  }
  return <g data-construction={method}>{parts}</g>;
}
