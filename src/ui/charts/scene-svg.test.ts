/** The SVG export of a chart's scene (scene-svg.ts): the canvas' primitives as vector elements, colours resolved. */
import { describe, expect, it } from 'vitest';
import type { Scene } from './scene';
import { escapeXml, sceneSvg } from './scene-svg';

const theme: Record<string, string> = {
  '--grid': '#e3e7ee',
  '--fg': '#1d2430',
  '--card': '#f4f6f9',
  '--conflict': '#d6453d',
  '--conflict-opacity': ' 0.07',
};
const lookup = (v: string) => theme[v] ?? '';

const scene: Scene = {
  width: 400,
  height: 210,
  plot: { left: 62, top: 8, right: 378, bottom: 168 },
  x: { domain: [0, 30], range: [62, 378], log: false },
  y: { domain: [0, 1], range: [168, 8], log: false },
  prims: [
    {
      kind: 'rect',
      x: 62,
      y: 88,
      w: 316,
      h: 80,
      fill: 'var(--conflict)',
      opacity: 'var(--conflict-opacity)',
    },
    { kind: 'line', x1: 62, y1: 88, x2: 378, y2: 88, stroke: 'var(--grid)', width: 1, dash: [3, 3] },
    {
      kind: 'path',
      runs: [
        [62, 8, 167.3, 88],
        [378, 168],
      ],
      stroke: '#2f7ed8',
      width: 1.8,
      opacity: 0.6,
    },
    {
      kind: 'text',
      x: 27,
      y: 88,
      text: 'loss <train>',
      fill: 'var(--fg)',
      size: 12,
      anchor: 'middle',
      vertical: true,
    },
  ],
  labels: [{ x: 222, y: 9, w: 52, h: 15, short: 'lr 0.003', full: 'learning rate 0.01 → 0.003 & more' }],
};

describe('scene as SVG', () => {
  const svg = sceneSvg(scene, lookup, 'clip-1');

  it('writes each primitive with its colours resolved from the theme', () => {
    expect(svg).not.toMatch(/var\(--/);
    expect(svg).toContain('<rect x="62" y="88" width="316" height="80" fill="#d6453d" fill-opacity="0.07"/>');
    expect(svg).toContain(
      '<line x1="62" y1="88" x2="378" y2="88" stroke="#e3e7ee" stroke-width="1" stroke-dasharray="3 3"/>',
    );
  });

  it('draws a line as one path of its runs, clipped to the plot; a lone point as a dot', () => {
    expect(svg).toContain('<clipPath id="clip-1"><rect x="62" y="8" width="316" height="160"/></clipPath>');
    expect(svg).toContain('d="M62 8L167.3 88M378 168L378.5 168"');
    expect(svg).toMatch(
      /<path [^>]*stroke="#2f7ed8"[^>]*stroke-opacity="0.6"[^>]*clip-path="url\(#clip-1\)"/,
    );
  });

  it('turns a vertical title about its anchor and escapes text', () => {
    expect(svg).toContain(
      '<text x="0" y="0" transform="translate(27 88) rotate(-90)" fill="#1d2430" font-size="12" text-anchor="middle">loss &lt;train&gt;</text>',
    );
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&#39;');
  });

  it('writes a mark label with its whole change as a title', () => {
    expect(svg).toContain('<title>learning rate 0.01 → 0.003 &amp; more</title>');
    expect(svg).toContain('<text x="226" y="20" font-size="11" fill="#1d2430">lr 0.003</text>');
    // Balanced: one <g> opened and closed per label, plus the scene's.
    expect((svg.match(/<g>/g) ?? []).length).toBe((svg.match(/<\/g>/g) ?? []).length);
  });
});
