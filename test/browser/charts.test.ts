/**
 * The time charts in the built app (headless Chromium, WASM): a mark where the learning rate changed
 * mid-run, a tooltip with exact numbers under the pointer, PNG and SVG export (real downloads; the SVG
 * parses, carries the theme's colours and no CSS variable), kept runs overlaid beside the live one (through
 * the run list's "overlay" boxes), and screenshots in light, dark and at phone width for a person to look at.
 */
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

/** The little of the DOM the page-side callbacks use (this tsconfig has no DOM types). */
interface XmlNode {
  nodeName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface XmlDoc {
  documentElement: XmlNode;
  querySelector(selector: string): XmlNode | null;
  querySelectorAll(selector: string): ArrayLike<XmlNode> & Iterable<XmlNode>;
}
interface XmlParser {
  parseFromString(text: string, type: string): XmlDoc;
}

const browser = browserForFile({ webgpu: false });

const ART = 'test/artifacts';

async function open(hash = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${browser.server.url}?backend=wasm${hash}`);
  await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
  return { page, errors };
}

const chart = (page: Page, id: string) => page.locator(`[data-chart="${id}"]`);

async function trainTo(page: Page, step: number): Promise<void> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(step);
}

async function pause(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(() => statusLine(page).textContent(), { timeout: 30_000 }).toMatch(/paused/);
}

/** Export the chart in `card` as `kind` and return the download. */
async function exportChart(
  page: Page,
  card: Locator,
  kind: 'PNG picture' | 'SVG drawing',
): Promise<Download> {
  await card.locator('.chart-export summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    card.getByRole('button', { name: kind }).click(),
  ]);
  return download;
}

/** Move the pointer onto a chart's plot at `fraction` of its width (twice: the tooltip mounts on entry). */
async function hoverPlot(card: Locator, fraction: number): Promise<void> {
  const plot = card.locator('[role="img"]');
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  for (const dx of [0, 4])
    await plot.hover({ position: { x: box.width * fraction + dx, y: box.height / 2 } });
}

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

describe('time charts', () => {
  it('marks a mid-run learning-rate change, shows exact values on hover, and exports PNG and SVG', async () => {
    const { page, errors } = await open();
    await trainTo(page, 300);
    const lr = page.getByLabel('Learning rate', { exact: true });
    await lr.fill('0.003');
    await lr.press('Enter');
    const loss = chart(page, 'loss');
    // The mark: a dashed line with a short label and the whole change as its title.
    await expect
      .poll(() => loss.locator('[data-marks]').getAttribute('data-marks'), { timeout: 30_000 })
      .toBe('1');
    await expect.poll(() => loss.locator('.chart-mark').count(), { timeout: 30_000 }).toBe(1);
    expect(await loss.locator('.chart-mark').getAttribute('title')).toMatch(
      /^learning rate 0\.0\d* → 0\.003$/,
    );
    expect(await loss.locator('[data-marks]').getAttribute('aria-label')).toMatch(
      /Changes: at step [\d,]+, learning rate 0\.0\d* → 0\.003\./,
    );
    expect(await loss.locator('.chart-mark').textContent()).toBe('lr 0.003');
    // Every time chart has it.
    for (const id of ['metric', 'cosine', 'norms'])
      expect(await chart(page, id).locator('[data-marks]').getAttribute('data-marks')).toBe('1');
    await pause(page);

    // The tooltip: the step and each line's value to 4 significant digits, in the task's colour.
    await hoverPlot(loss, 0.6);
    const tip = loss.locator('.chart-tooltip');
    await expect.poll(() => tip.isVisible(), { timeout: 10_000 }).toBe(true);
    const text = (await tip.textContent()) ?? '';
    expect(text).toMatch(/^step [\d,]+/);
    expect(text).toMatch(/train\s*\d\.\d{3}|train\s*0\.\d{4}/);
    const cells = await tip.locator('.chart-tooltip-value').allTextContents();
    expect(cells.length).toBeGreaterThanOrEqual(4);
    for (const v of cells)
      expect(v).toMatch(/^-?(\d\.\d{3}|0\.\d*[1-9]\d{3}|\d{2}\.\d{2}|\d{3}\.\d|\d{4}|\d\.\d{3}e[+-]\d+)$/);
    await page.screenshot({ path: `${ART}/charts-tooltip-light-1280x800.png` });
    await page.mouse.move(0, 0);

    // PNG: a real picture file named after the chart and the step.
    // The step in the name is the newest report's: what the picture shows (reports every 50 steps here).
    const step = await stepOf(page);
    const png = await exportChart(page, loss, 'PNG picture');
    const named = Number(/^loss-per-task-step-(\d+)\.png$/.exec(png.suggestedFilename())?.[1]);
    expect(named).toBeLessThanOrEqual(step);
    expect(named).toBeGreaterThan(step - 50 - 1);
    const pngBytes = await saved(png);
    expect(pngBytes.length).toBeGreaterThan(5_000);
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');

    // SVG: parses, draws the lines and the mark, colours resolved (no var(--...)).
    const svg = await exportChart(page, loss, 'SVG drawing');
    expect(svg.suggestedFilename()).toBe(`loss-per-task-step-${named}.svg`);
    const svgText = (await saved(svg)).toString('utf8');
    // Parsed by the browser's own XML parser (the test's Node has no DOM).
    const parsed = await page.evaluate((t) => {
      const doc = new (
        globalThis as unknown as { DOMParser: new () => XmlParser }
      ).DOMParser().parseFromString(t, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        paths: doc.querySelectorAll('path').length,
        texts: [...doc.querySelectorAll('text')].map((n) => n.textContent ?? ''),
        titles: [...doc.querySelectorAll('title')].map((n) => n.textContent ?? ''),
      };
    }, svgText);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.paths).toBeGreaterThanOrEqual(4);
    expect(parsed.texts).toContain('Loss per task');
    expect(parsed.texts).toContain('lr 0.003');
    expect(parsed.titles.some((t) => /^learning rate/.test(t))).toBe(true);
    expect(svgText).not.toMatch(/var\(--/);
    // For a person to compare with the screen: both files, and the SVG as a browser draws it on its own.
    await png.saveAs(`${ART}/charts-export-loss.png`);
    await svg.saveAs(`${ART}/charts-export-loss.svg`);
    const viewer = await browser.context.newPage();
    await viewer.setContent(`<body style="margin:0">${svgText}</body>`);
    await viewer
      .locator('svg')
      .first()
      .screenshot({ path: `${ART}/charts-export-loss-svg-drawn.png` });
    await viewer.close();

    // A picture chart (the cosine heatmap, HTML) exports too.
    const heatmap = chart(page, 'heatmap');
    const heatPng = await saved(await exportChart(page, heatmap, 'PNG picture'));
    expect(heatPng.subarray(1, 4).toString('latin1')).toBe('PNG');
    const heatSvg = (await saved(await exportChart(page, heatmap, 'SVG drawing'))).toString('utf8');
    expect(heatSvg.startsWith('<svg')).toBe(true);
    // And one drawn on canvases (the decision boundaries).
    const boundary = await saved(await exportChart(page, chart(page, 'boundary'), 'PNG picture'));
    expect(boundary.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(boundary.length).toBeGreaterThan(5_000);
    // Escape closes an open menu without exporting.
    await loss.locator('.chart-export summary').click();
    await expect.poll(() => loss.locator('.chart-export details').getAttribute('open')).toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => loss.locator('.chart-export details').getAttribute('open')).toBeNull();

    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('overlays two kept runs beside the live one, each in its own line style, named in a legend', async () => {
    const { page, errors } = await open();
    // Two kept runs: train, then Reset (the run list keeps a run stopped by Reset), twice.
    for (let k = 0; k < 2; k++) {
      await trainTo(page, 100 + 50 * k);
      await pause(page);
      await page.getByRole('button', { name: 'Reset' }).click();
      await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBe(0);
    }
    const boxes = page.getByRole('checkbox', { name: /overlay/i });
    await expect.poll(() => boxes.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    // The boxes follow the runs store, which reads the stored record first: click, then wait.
    for (const k of [0, 1]) {
      await boxes.nth(k).click();
      await expect.poll(() => boxes.nth(k).isChecked(), { timeout: 10_000 }).toBe(true);
    }
    const loss = chart(page, 'loss');
    // The live run (its step-0 report) and the two kept runs draw 2 tasks x (train, test) each.
    await expect
      .poll(() => loss.locator('[data-series]').getAttribute('data-series'), { timeout: 30_000 })
      .toBe('12');
    const legend = loss.getByRole('list', { name: 'Runs' });
    const entries = await legend.locator('li').allTextContents();
    expect(entries[0]).toBe('live run');
    expect(entries).toHaveLength(3);
    // Two runs of one config share a name: the legend still tells them apart.
    expect(new Set(entries).size).toBe(3);
    const dashes = await legend
      .locator('line')
      .evaluateAll((lines) => lines.map((l) => (l as unknown as XmlNode).getAttribute('stroke-dasharray')));
    expect(dashes[0]).toBeNull();
    expect(new Set(dashes.slice(1)).size).toBe(2);
    await trainTo(page, 60);
    await pause(page);
    await expect
      .poll(() => loss.locator('[data-series]').getAttribute('data-series'), { timeout: 30_000 })
      .toBe('12');
    await hoverPlot(loss, 0.3);
    const tip = loss.locator('.chart-tooltip');
    await expect.poll(() => tip.isVisible(), { timeout: 10_000 }).toBe(true);
    // Rows grouped by run, the live run first, each run's rows under its name.
    const headings = await tip.locator('th').allTextContents();
    expect(headings[0]).toBe('live run');
    expect(headings.slice(1).sort()).toEqual(entries.slice(1).sort());
    await page.screenshot({ path: `${ART}/charts-overlay-light-1280x800.png`, fullPage: true });
    await page.mouse.move(0, 0);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${ART}/charts-overlay-dark-1280x800.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${ART}/charts-dark-390.png`, fullPage: true });
    // The loss chart alone at phone width, large enough to read.
    await loss.scrollIntoViewIfNeeded();
    await loss.screenshot({ path: `${ART}/charts-loss-dark-390.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    await loss.screenshot({ path: `${ART}/charts-loss-light-390.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
