/**
 * A scene (scene.ts) as SVG markup: the same primitives the canvas painted, as vector elements with every
 * colour resolved (a file has no stylesheet), lines clipped to the plot, and each mark's label with its
 * whole change as a <title>. Pure: colours come from `lookup`, so Node tests read the markup.
 */
import { resolvePaint, type Paint, type Prim, type Scene } from './scene';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

const dashAttr = (dash?: readonly number[]) => (dash?.length ? dash.join(' ') : undefined);
const points = (run: readonly number[]) => {
  const parts: string[] = [];
  for (let i = 0; i < run.length; i += 2) parts.push(`${i ? 'L' : 'M'}${run[i]} ${run[i + 1]}`);
  // A lone point: a dot-length line, as on the canvas.
  if (run.length === 2) parts.push(`L${(run[0] as number) + 0.5} ${run[1]}`);
  return parts.join('');
};

function primSvg(p: Prim, paint: (c: Paint) => string, clip: string): string {
  switch (p.kind) {
    case 'rect': {
      const opacity = typeof p.opacity === 'string' ? paint(p.opacity) : p.opacity;
      return `<rect${attrs({ x: p.x, y: p.y, width: p.w, height: p.h, rx: p.radius, fill: paint(p.fill), 'fill-opacity': opacity })}/>`;
    }
    case 'line':
      return `<line${attrs({
        x1: p.x1,
        y1: p.y1,
        x2: p.x2,
        y2: p.y2,
        stroke: paint(p.stroke),
        'stroke-width': p.width,
        'stroke-dasharray': dashAttr(p.dash),
        'stroke-opacity': p.opacity,
      })}/>`;
    case 'path':
      return `<path${attrs({
        d: p.runs.map(points).join(''),
        fill: 'none',
        stroke: paint(p.stroke),
        'stroke-width': p.width,
        'stroke-dasharray': dashAttr(p.dash),
        'stroke-opacity': p.opacity,
        'stroke-linejoin': 'round',
        'clip-path': `url(#${clip})`,
      })}/>`;
    case 'text':
      return `<text${attrs({
        x: p.vertical ? 0 : p.x,
        y: p.vertical ? 0 : p.y,
        transform: p.vertical ? `translate(${p.x} ${p.y}) rotate(-90)` : undefined,
        fill: paint(p.fill),
        'font-size': p.size,
        'text-anchor': p.anchor,
      })}>${escapeXml(p.text)}</text>`;
  }
}

/**
 * The scene as one <g> (its clip path inside, named `clipId`: unique within the file). Colours: literal,
 * or the theme variable's value from `lookup`.
 */
export function sceneSvg(scene: Scene, lookup: (variable: string) => string, clipId = 'plot'): string {
  const paint = (c: Paint) => resolvePaint(c, lookup);
  const { left, top, right, bottom } = scene.plot;
  const clip = `<clipPath id="${escapeXml(clipId)}"><rect${attrs({ x: left, y: top, width: right - left, height: bottom - top })}/></clipPath>`;
  const body = scene.prims.map((p) => primSvg(p, paint, clipId));
  const labels = scene.labels.map(
    (l) =>
      `<g><title>${escapeXml(l.full)}</title>` +
      `<rect${attrs({ x: l.x, y: l.y, width: l.w, height: l.h, rx: 3, fill: paint('var(--card)'), 'fill-opacity': 0.6 })}/>` +
      `<text${attrs({ x: l.x + 4, y: l.y + 11, 'font-size': 11, fill: paint('var(--fg)') })}>${escapeXml(l.short)}</text></g>`,
  );
  return `<g><defs>${clip}</defs>${body.join('')}${labels.join('')}</g>`;
}
