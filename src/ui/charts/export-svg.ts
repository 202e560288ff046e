/**
 * A time chart as a standalone vector SVG file that looks like the screen: the card's title, its legends
 * (tasks, runs) and footer redrawn as SVG text and lines above and below the plot, which is the very scene
 * the canvas painted (drawn-scenes.ts) written as SVG (scene-svg.ts), every theme colour resolved to its
 * current value, so the file needs no stylesheet and keeps the theme.
 */

import { themeValue } from './draw-scene';
import { sceneOf } from './drawn-scenes';
import { sceneSvg } from './scene-svg';

const SVG_NS = 'http://www.w3.org/2000/svg';

const el = (name: string, attrs: Record<string, string | number>, text?: string): SVGElement => {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
};

interface LegendEntry {
  text: string;
  color: string;
  stroke: string;
  dash: string;
}

/** The entries of the card's HTML legends (task colours, then run styles), with their computed colours. */
function legendEntries(card: HTMLElement, selector: string): LegendEntry[] {
  return [...card.querySelectorAll(`${selector} li`)].map((li) => {
    const line = li.querySelector('line');
    const span = li.querySelector('span');
    const lineStyle = line ? getComputedStyle(line) : null;
    return {
      text: span?.textContent ?? '',
      color: span ? getComputedStyle(span).color : '',
      stroke: lineStyle?.stroke ?? '',
      dash: line?.getAttribute('stroke-dasharray') ?? '',
    };
  });
}

/** Legend entries laid out in centred rows of `width`; returns the height used. */
function drawLegend(svg: SVGElement, entries: LegendEntry[], top: number, width: number): number {
  const widthOf = (e: LegendEntry) => 22 + e.text.length * 6.6 + 12;
  const rows: LegendEntry[][] = [[]];
  let used = 0;
  for (const e of entries) {
    if (used + widthOf(e) > width - 16 && rows.at(-1)?.length) {
      rows.push([]);
      used = 0;
    }
    rows.at(-1)?.push(e);
    used += widthOf(e);
  }
  rows.forEach((row, r) => {
    let x = (width - row.reduce((s, e) => s + widthOf(e), 0)) / 2;
    const y = top + 16 * r + 10;
    for (const e of row) {
      svg.append(
        el('line', {
          x1: x,
          y1: y - 4,
          x2: x + 18,
          y2: y - 4,
          stroke: e.stroke,
          'stroke-width': 2,
          ...(e.dash ? { 'stroke-dasharray': e.dash } : {}),
        }),
      );
      svg.append(el('text', { x: x + 22, y, 'font-size': 12, fill: e.color }, e.text));
      x += widthOf(e);
    }
  });
  return entries.length ? 16 * rows.length + 4 : 0;
}

/**
 * The SVG text of the time chart in `card`, or null when the card holds no painted time plot (a picture
 * chart: the caller falls back to a copy of its HTML).
 */
export function timeChartSvg(card: HTMLElement): string | null {
  const frame = card.querySelector('.time-plot');
  const scene = frame ? sceneOf(frame) : undefined;
  if (!frame || !scene) return null;
  const width = Math.round(scene.width);
  const plotHeight = Math.round(scene.height);
  const cardStyle = getComputedStyle(card);
  const font = cardStyle.fontFamily;
  const svg = el('svg', { xmlns: SVG_NS, 'font-family': font });
  svg.append(el('rect', { x: 0, y: 0, width: '100%', height: '100%', fill: cardStyle.backgroundColor }));
  const title = card.querySelector('h3')?.textContent ?? '';
  svg.append(el('text', { x: 8, y: 20, 'font-size': 15, 'font-weight': 700, fill: cardStyle.color }, title));
  let y = 32;
  y += drawLegend(svg, legendEntries(card, '.chart-legend'), y, width);
  y += drawLegend(svg, legendEntries(card, '.chart-run-legend'), y, width);
  const group = el('g', { transform: `translate(0 ${y})` });
  // innerHTML on an SVG element parses in the SVG namespace.
  group.innerHTML = sceneSvg(scene, themeValue, 'plot-clip');
  svg.append(group);
  y += plotHeight;
  const footer = card.querySelector('.chart-footer');
  if (footer?.textContent) {
    const muted = getComputedStyle(footer).color;
    svg.append(el('text', { x: 8, y: y + 16, 'font-size': 12, fill: muted }, footer.textContent));
    y += 24;
  }
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(y + 4));
  svg.setAttribute('viewBox', `0 0 ${width} ${y + 4}`);
  return new XMLSerializer().serializeToString(svg);
}
