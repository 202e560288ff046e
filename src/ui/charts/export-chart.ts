/**
 * Save a chart card as a file: PNG (html-to-image draws the card as the screen shows it, at twice the
 * resolution) or SVG (a time chart as real vector SVG, export-svg.ts; a picture chart, whose heatmaps are
 * HTML and canvases, as html-to-image's SVG embedding of them). html-to-image is loaded on the first
 * export only: the page's start-up budget (test/browser/bundle.test.ts) does not pay for it.
 */
import { drawScene } from './draw-scene';
import { sceneOf } from './drawn-scenes';
import { timeChartSvg } from './export-svg';

/** The picture's pixels per CSS pixel. */
const PNG_RATIO = 2;

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

/**
 * Runs `take` with each of the card's time plots giving, as its picture, a copy painted here at the
 * picture's density, so that their lines are as sharp in the file as its text: the live canvas is painted
 * at the screen's (by the paint worker where there is one, and then the page cannot draw on it), and
 * html-to-image takes a canvas' picture from its `toDataURL`, which answers with the copy's meanwhile.
 */
async function withPlotsAt<T>(card: HTMLElement, ratio: number, take: () => Promise<T>): Promise<T> {
  const lent: HTMLCanvasElement[] = [];
  for (const frame of card.querySelectorAll('.time-plot')) {
    const scene = sceneOf(frame);
    const live = frame.querySelector('canvas');
    if (!scene || !live) continue;
    const copy = document.createElement('canvas');
    drawScene(copy, scene, ratio);
    const picture = copy.toDataURL('image/png');
    live.toDataURL = () => picture;
    lent.push(live);
  }
  try {
    return await take();
  } finally {
    // The prototype's toDataURL again.
    for (const live of lent) Reflect.deleteProperty(live, 'toDataURL');
  }
}

export async function exportPng(card: HTMLElement, name: string): Promise<void> {
  const { toBlob } = await import('html-to-image');
  const blob = await withPlotsAt(card, PNG_RATIO, () =>
    toBlob(card, { ...options(card), pixelRatio: PNG_RATIO }),
  );
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
