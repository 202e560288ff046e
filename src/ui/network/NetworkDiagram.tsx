/**
 * The network drawn as boxes (network-layout.ts): boxes every task reads have a thick neutral outline,
 * a task's own boxes its colour (palette.ts), gates and attention masks a dashed outline. Once reports
 * arrive, each box that holds shared parameters is filled with its layer's gradient cosine (one band per
 * layer: an expert MLP of two layers has two), and its tooltip and data attributes carry the exact numbers.
 */
import type { ReactElement } from 'react';
import type { DiagramRow } from '../../engine/architectures/diagram';
import type { BoxLayers } from './layer-map';
import type { LayerStat } from './layer-stats';
import { layoutNetwork, type NetworkLayout, type PlacedBox } from './network-layout';
import { NetworkBox, type BoxProps } from './NetworkBox';
import { largestLayerNorm } from './norm-bars';

interface Props {
  rows: readonly DiagramRow[];
  map: readonly BoxLayers[][];
  stats: ReadonlyMap<string, LayerStat>;
  /** Full task names (tooltips) and short ones (box labels). */
  names: readonly string[];
  short: readonly string[];
  width: number;
  label: string;
  /** Absent while a classroom link locks the architecture: the boxes are then not clickable. */
  onToggleShared?: ((layer: number) => void) | undefined;
}

/** Faint lines from each box to the boxes of the next row it feeds (one to one when the counts match). */
function connectors(layout: NetworkLayout): ReactElement[] {
  const byRow = new Map<number, PlacedBox[]>();
  for (const b of layout.boxes) byRow.set(b.row, [...(byRow.get(b.row) ?? []), b]);
  const lines: ReactElement[] = [];
  for (const [r, upper] of byRow) {
    const lower = byRow.get(r + 1);
    if (!lower) continue;
    const pairs =
      upper.length === lower.length
        ? upper.map((u, k) => [u, lower[k] as PlacedBox] as const)
        : upper.length * lower.length <= 64
          ? upper.flatMap((u) => lower.map((l) => [u, l] as const))
          : [];
    for (const [u, l] of pairs)
      lines.push(
        <line
          key={`${r}:${u.index}-${l.index}`}
          className="net-link"
          x1={u.x + u.w / 2}
          y1={u.y + u.h}
          x2={l.x + l.w / 2}
          y2={l.y}
        />,
      );
  }
  return lines;
}

export function NetworkDiagram(props: Props) {
  const layout = layoutNetwork(props.rows, props.width);
  const boxesPerLayer = new Map<string, number>();
  for (const layer of props.map.flat(2)) boxesPerLayer.set(layer, (boxesPerLayer.get(layer) ?? 0) + 1);
  const boxProps: BoxProps = { ...props, boxesPerLayer, normScale: largestLayerNorm(props.stats.values()) };
  return (
    <svg
      className="net-svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-label={props.label}
    >
      {connectors(layout)}
      {layout.boxes.map((placed) => (
        <NetworkBox
          key={`${placed.row}.${placed.index}`}
          placed={placed}
          layers={props.map[placed.row]?.[placed.index] ?? []}
          props={boxProps}
        />
      ))}
    </svg>
  );
}
