/**
 * Save a chart card as a file: PNG (html-to-image draws the card as the screen shows it, at twice the
 * resolution) or SVG (a time chart as real vector SVG, export-svg.ts; a picture chart, whose heatmaps are
 * HTML and canvases, as html-to-image's SVG embedding of them). html-to-image is loaded on the first
 * export only: the page's start-up budget (test/browser/bundle.test.ts) does not pay for it.
 */
import { timeChartSvg } from './export-svg';

/** Controls of the card (export menu, info button, log toggle) are left out of the picture. */
const keep = (node: HTMLElement) => !(node instanceof Element && node.hasAttribute('data-export-skip'));

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the blob once the click's download started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const options = (card: HTMLElement) => ({
  backgroundColor: getComputedStyle(card).backgroundColor,
  filter: keep,
  // Our fonts are the system's: nothing to embed, and reading stylesheets for fonts is what fails offline.
  skipFonts: true,
});

export async function exportPng(card: HTMLElement, name: string): Promise<void> {
  const { toBlob } = await import('html-to-image');
  const blob = await toBlob(card, { ...options(card), pixelRatio: 2 });
  if (!blob) throw new Error('the browser could not draw the chart as an image');
  download(name, blob);
}

export async function exportSvg(card: HTMLElement, name: string): Promise<void> {
  let text = timeChartSvg(card);
  if (text === null) {
    const { toSvg } = await import('html-to-image');
    const url = await toSvg(card, options(card));
    text = decodeURIComponent(url.slice(url.indexOf(',') + 1));
  }
  download(name, new Blob([text], { type: 'image/svg+xml' }));
}
