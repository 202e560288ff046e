/**
 * One box of the network view: its outline (neutral and thick when every task reads it, in its task's
 * colour when one task owns it, dashed for gates and masks), its cosine bands once reports arrive, the
 * per-task norm bars when the report has per-layer norms, its label, and a tooltip with the exact numbers.
 * A box that flips an entry of the `shared` mask is a button (click, Enter or Space).
 */
import type { DiagramBox } from '../../engine/architectures/diagram';
import { taskColor } from '../charts/palette';
import { formatNumber } from '../charts/series';
import { fitLabel } from './diagram-rows';
import type { BoxLayers } from './layer-map';
import { layerLine, layerPaint, type LayerStat } from './layer-stats';
import { bands, type PlacedBox } from './network-layout';
import { BARS_W, normBars } from './norm-bars';

const withTask = (box: DiagramBox, text: string, names: readonly string[]) =>
  text.replaceAll(
    '{task}',
    box.task === undefined ? 'the task' : (names[box.task] ?? `task ${box.task + 1}`),
  );

/** The box's label, with its layer's cosine after it when the box holds one layer and the text fits. */
function boxLabel(base: string, held: readonly (LayerStat | undefined)[], width: number): string {
  const only = held.length === 1 ? held[0] : undefined;
  if (only && Number.isFinite(only.lowest)) {
    const full = `${base} · cos ${formatNumber(only.lowest)}`;
    if (fitLabel(full, width) === full) return full;
  }
  return fitLabel(base, width);
}

/** What every box of one drawing shares. */
export interface BoxProps {
  stats: ReadonlyMap<string, LayerStat>;
  /** Full task names (tooltips) and short ones (labels). */
  names: readonly string[];
  short: readonly string[];
  /** Absent while a classroom link locks the architecture: the boxes are then not clickable. */
  onToggleShared?: ((layer: number) => void) | undefined;
  /** How many boxes hold each report layer. */
  boxesPerLayer: ReadonlyMap<string, number>;
  /** The common scale of the per-layer norm bars (NaN without per-layer norms). */
  normScale: number;
}

export function NetworkBox({
  placed,
  layers,
  props,
}: {
  placed: PlacedBox;
  layers: BoxLayers;
  props: BoxProps;
}) {
  const { box, x, y, w, h } = placed;
  const { stats, names, short, onToggleShared } = props;
  const held = layers.map((l) => stats.get(l));
  const paints = held.map(layerPaint);
  const painted = paints.some((p) => p !== null);
  const toggle = box.toggleShared;
  const onClick = toggle === undefined || !onToggleShared ? undefined : () => onToggleShared(toggle);
  const color = box.task === undefined ? undefined : taskColor(box.task);
  const numbers = held
    .filter((s): s is LayerStat => s !== undefined)
    .map((s) => {
      // Experts (or task columns) of one layer are measured together: one number for all their boxes.
      const together = props.boxesPerLayer.get(s.layer) ?? 1;
      return `${layerLine(s, short)}${together > 1 ? ` [one number for all ${together} boxes of ${s.layer} together]` : ''}`;
    });
  const title = [withTask(box, box.title, names), ...numbers].join('\n');
  const bars = held.length === 1 ? normBars(held[0], props.normScale, placed) : [];
  // The label keeps clear of the bars at the box's right end.
  const textW = bars.length ? w - BARS_W - 8 : w;
  const label = boxLabel(withTask(box, box.label, short), held, textW);
  // The label reads on the middle band's colour.
  const textColor = paints[Math.floor(paints.length / 2)]?.text;
  const everyTask = box.task === undefined && box.kind !== 'io';
  const classes = [
    'net-box',
    `net-${box.kind}`,
    everyTask ? 'net-every-task' : '',
    layers.length ? 'net-holds-shared' : '',
    onClick ? 'net-clickable' : '',
  ].join(' ');
  return (
    <g
      className={classes}
      data-kind={box.kind}
      data-task={box.task}
      data-layers={layers.join('|') || undefined}
      data-toggle={toggle}
      onClick={onClick}
      role={onClick ? 'button' : undefined}
      tabIndex={onClick ? 0 : undefined}
      aria-label={onClick ? `${label}: ${withTask(box, box.title, names)}` : undefined}
      onKeyDown={(e) => {
        if (onClick && (e.key === 'Enter' || e.key === ' ')) {
          // Space on a focused layer flips it; it must not also reach the page's play/pause shortcut.
          e.preventDefault();
          e.stopPropagation();
          onClick();
        }
      }}
    >
      <title>{title}</title>
      {painted
        ? bands(placed, layers.length).map((band, k) => (
            <rect
              key={k}
              className="net-band"
              x={x}
              y={band.y}
              width={w}
              height={band.h}
              fill={paints[k]?.fill ?? 'var(--shared)'}
              data-layer={layers[k]}
              data-cosine={held[k]?.lowest}
              data-fill={paints[k]?.fill}
            />
          ))
        : null}
      <rect
        className="net-outline"
        x={x}
        y={y}
        width={w}
        height={h}
        rx={4}
        style={{
          ...(color ? { stroke: color } : {}),
          ...(painted ? { fill: 'none' } : color ? { fill: color, fillOpacity: 0.16 } : {}),
        }}
      />
      {bars.map((bar) => (
        <rect
          key={`norm${bar.task}`}
          className="net-norm-bar"
          x={bar.x}
          y={bar.y}
          width={bar.w}
          height={bar.h}
          fill={taskColor(bar.task)}
          data-norm={bar.norm}
        />
      ))}
      <text
        x={x + textW / 2}
        y={y + h / 2 + 4}
        textAnchor="middle"
        style={textColor ? { fill: textColor } : {}}
      >
        {label}
      </text>
    </g>
  );
}
