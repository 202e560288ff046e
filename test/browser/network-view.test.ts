/**
 * The network view (issue 13) in the built app, headless Chromium on WASM: the default experiment trains a
 * few hundred steps; each shared layer's box then carries the cosine of the last report (data attributes)
 * painted with the charts' cosine scale, and those numbers are the ones the kept run's file stores for its
 * last report. A click on a layer splits it per task (after "Start over"), a second click shares it again.
 * Screenshots of the view (light, dark, 390 px phone) go to test/artifacts/ for a look by eye.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/train/report';
import { cosineColor } from '../../src/ui/charts/palette';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

/** The little of the DOM the page-side callbacks use (this tsconfig has no DOM types). */
interface Node {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { right: number };
  querySelector(selector: string): Node | null;
}
interface PageGlobals {
  document: { documentElement: { scrollWidth: number }; querySelector(selector: string): Node | null };
  innerWidth: number;
}

const browser = browserForFile({ webgpu: false });

const view = (page: Page) => page.locator('section.net-view');
/** The boxes of hidden layer `l` (0-based): one shared box, or one per task. */
const layerBoxes = (page: Page, l: number) => view(page).locator(`g[data-toggle="${l}"]`);

/** Every painted band: which report layer it shows, its cosine and its fill. */
const bandsOf = (page: Page) =>
  view(page)
    .locator('rect.net-band')
    .evaluateAll((rects) =>
      rects.map((rect) => {
        const r = rect as unknown as Node;
        return {
          layer: r.getAttribute('data-layer') ?? '',
          cosine: Number(r.getAttribute('data-cosine')),
          fill: r.getAttribute('data-fill') ?? '',
        };
      }),
    );

async function open(page: Page) {
  await page.goto(`${browser.server.url}?backend=wasm`);
  await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
  // A first visit opens on the Lessons tab; the network view is in Training.
  await page.getByRole('tab', { name: 'Training' }).click();
}

async function exportNewestRun(page: Page): Promise<{ history: Report[] }> {
  await page.locator('.run-row').first().getByRole('button', { name: 'Export ▾' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'JSON (run file)' }).click(),
  ]);
  const path = join(tmpdir(), `network-view-${Date.now()}.json`);
  await download.saveAs(path);
  return (JSON.parse(readFileSync(path, 'utf8')) as { run: { history: Report[] } }).run;
}

describe('network view', () => {
  it('paints each shared layer with its live gradient cosine and toggles sharing on click', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await open(page);
    // Before training: two shared layers drawn, and the caption says what red means.
    await expect.poll(() => layerBoxes(page, 0).count(), { timeout: 20_000 }).toBe(1);
    expect(await layerBoxes(page, 1).count()).toBe(1);
    expect(await view(page).locator('.net-caption').textContent()).toMatch(
      /^Red layers: the tasks’ gradients point in opposing directions there/,
    );

    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 120_000 }).toBeGreaterThan(300);
    await page.getByRole('button', { name: 'Pause' }).click();
    // The view redraws at most every 250 ms: wait until its step stops moving.
    let shown = -1;
    await expect
      .poll(
        async () => {
          const before = shown;
          shown = Number(await view(page).getAttribute('data-step'));
          return shown > 300 && shown === before;
        },
        { timeout: 20_000, interval: 700 },
      )
      .toBe(true);
    const bands = await bandsOf(page);
    expect(bands.map((b) => b.layer)).toEqual(['layer 1', 'layer 2']);
    for (const b of bands) {
      expect(b.cosine).toBeGreaterThanOrEqual(-1);
      expect(b.cosine).toBeLessThanOrEqual(1);
      expect(b.fill).toBe(cosineColor(b.cosine));
    }
    // The numbers table repeats them.
    for (const b of bands)
      expect(
        Number(
          await view(page).locator(`tr[data-layer="${b.layer}"] td[data-cosine]`).getAttribute('data-cosine'),
        ),
      ).toBe(b.cosine);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await view(page).screenshot({ path: `test/artifacts/network-view-${theme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Click layer 2: a trained run asks first; "Start over" splits it into one copy per task.
    await layerBoxes(page, 1).click();
    await page
      .getByRole('alertdialog', { name: 'Confirm reset' })
      .getByRole('button', { name: 'Start over' })
      .click();
    await expect.poll(() => layerBoxes(page, 1).count(), { timeout: 30_000 }).toBe(2);
    expect(await layerBoxes(page, 1).first().getAttribute('data-kind')).toBe('task');
    expect(await layerBoxes(page, 0).count()).toBe(1);
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBe(0);
    await view(page).screenshot({ path: 'test/artifacts/network-view-split.png' });

    // The run that ended was kept: its last report holds exactly the cosines the boxes showed.
    await expect.poll(() => page.locator('.run-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const run = await exportNewestRun(page);
    const last = run.history[run.history.length - 1] as Report;
    expect(last.step).toBe(shown);
    expect(last.gradients.layers.map((l) => [l.layer, l.cosine[0]?.[1]])).toEqual(
      bands.map((b) => [b.layer, b.cosine]),
    );

    // Untrained, a change applies at once; from the keyboard, Space on a layer shares it again and does not
    // also reach the page's play/pause shortcut.
    await layerBoxes(page, 1).first().focus();
    await page.keyboard.press(' ');
    await expect.poll(() => layerBoxes(page, 1).count(), { timeout: 30_000 }).toBe(1);
    expect(await layerBoxes(page, 1).getAttribute('data-kind')).toBe('shared');
    await page.waitForTimeout(500);
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Experts and gates, stacked levels, task columns mixed by α: every layer the reports name is painted.
  const architectures: [string, object, number][] = [
    ['mmoe', { experts: 4 }, 4],
    ['ple', {}, 0],
    ['cross-stitch', {}, 0],
    ['film', {}, 0],
  ];
  for (const [id, params, experts] of architectures)
    it(`draws ${id} with every reported layer painted`, async () => {
      const page = await browser.context.newPage();
      const errors = collectErrors(page);
      const config = { task: { id: 'mmoe-synthetic' }, architecture: { id, params } };
      await page.goto(
        `${browser.server.url}?backend=wasm#config=${encodeURIComponent(JSON.stringify(config))}`,
      );
      await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
      await page.getByRole('tab', { name: 'Training' }).click();
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(100);
      await page.getByRole('button', { name: 'Pause' }).click();
      const reported = await view(page)
        .locator('tr[data-layer]')
        .evaluateAll((rows) => rows.map((r) => (r as unknown as Node).getAttribute('data-layer') ?? ''));
      expect(reported.length).toBeGreaterThan(0);
      const painted = new Set((await bandsOf(page)).map((b) => b.layer));
      expect([...painted].sort()).toEqual([...reported].sort());
      if (experts) {
        expect(await view(page).locator('g[data-kind="expert"] rect.net-band').count()).toBe(experts);
        // The gates are each task's own: outlined in the task's colour, never painted.
        expect(await view(page).locator('g[data-kind="gate"]').count()).toBe(2);
        expect(await view(page).locator('g[data-kind="gate"] rect.net-band').count()).toBe(0);
      }
      await view(page).screenshot({ path: `test/artifacts/network-view-${id}.png` });
      expect(errors).toEqual([]);
      await page.close();
    });

  it('locks the sharing when a classroom link locks the architecture', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.server.url}?backend=wasm#lock=architecture`);
    await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
    await page.getByRole('tab', { name: 'Training' }).click();
    await expect.poll(() => layerBoxes(page, 1).count(), { timeout: 20_000 }).toBe(1);
    expect(await layerBoxes(page, 1).getAttribute('role')).toBeNull();
    expect(await view(page).locator('.net-caption').textContent()).toMatch(/locks the architecture/);
    await layerBoxes(page, 1).click();
    await page.waitForTimeout(500);
    expect(await layerBoxes(page, 1).count()).toBe(1);
    expect(await layerBoxes(page, 1).getAttribute('data-kind')).toBe('shared');
    await page.close();
  });

  it('fits a 390 px phone without overflowing', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => bandsOf(page).then((b) => b.length), { timeout: 60_000 }).toBe(2);
    await page.getByRole('button', { name: 'Pause' }).click();
    const sizes = await page.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as PageGlobals;
      const el = document.querySelector('section.net-view');
      const svg = el?.querySelector('svg');
      return {
        page: document.documentElement.scrollWidth,
        viewport: innerWidth,
        right: el?.getBoundingClientRect().right ?? NaN,
        svgRight: svg?.getBoundingClientRect().right ?? NaN,
      };
    });
    expect(sizes.page).toBeLessThanOrEqual(sizes.viewport);
    expect(sizes.right).toBeLessThanOrEqual(sizes.viewport);
    expect(sizes.svgRight).toBeLessThanOrEqual(sizes.right);
    await view(page).screenshot({ path: 'test/artifacts/network-view-phone.png' });
    await page.close();
  });
});
