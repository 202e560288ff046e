/**
 * Where each box of the network view goes, in CSS pixels for the measured width (so that labels keep their
 * size on a phone instead of shrinking with a viewBox): rows top to bottom in the order data flows, each
 * row's boxes side by side in proportion to their span. Pure: no DOM.
 */
import type { DiagramBox, DiagramRow } from '../../engine/architectures/diagram';

export const BOX_H = 30;
export const ROW_GAP = 14;
export const GAP = 6;
/** The narrowest the drawing gets (a 320 px phone minus the card's padding). */
export const MIN_WIDTH = 260;

export interface PlacedBox {
  row: number;
  index: number;
  box: DiagramBox;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  boxes: PlacedBox[];
  /** Centre of each row's band, for the arrows between rows. */
  rowY: number[];
}

export function layoutNetwork(rows: readonly DiagramRow[], width: number): NetworkLayout {
  const W = Math.max(MIN_WIDTH, Math.floor(width));
  const boxes: PlacedBox[] = [];
  const rowY: number[] = [];
  rows.forEach((row, r) => {
    const y = GAP + r * (BOX_H + ROW_GAP);
    rowY.push(y + BOX_H / 2);
    const spans = row.reduce((n, b) => n + (b.span ?? 1), 0);
    const unit = (W - GAP * (row.length + 1)) / Math.max(spans, 1);
    let x = GAP;
    row.forEach((box, index) => {
      const w = unit * (box.span ?? 1);
      boxes.push({ row: r, index, box, x, y, w, h: BOX_H });
      x += w + GAP;
    });
  });
  const height = rows.length ? GAP * 2 + rows.length * BOX_H + (rows.length - 1) * ROW_GAP : 0;
  return { width: W, height, boxes, rowY };
}

/** Horizontal bands of a box, one per report layer it holds (an expert MLP's layers, bottom first). */
export function bands(box: PlacedBox, count: number): { y: number; h: number }[] {
  const n = Math.max(count, 1);
  return Array.from({ length: n }, (_, k) => ({ y: box.y + (box.h * k) / n, h: box.h / n }));
}
