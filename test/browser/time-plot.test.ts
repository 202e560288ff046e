/**
 * Who paints the time charts (ui/charts/plot-painter.ts): the paint worker, with the canvas handed over by
 * transferControlToOffscreen (the page can no longer draw on it), where the browser has OffscreenCanvas;
 * the page itself where it has not. Either way the loss chart shows each task's line in its colour and
 * the axes in the theme's colours, repainted when the colour scheme changes. Read from screenshots of the
 * plot, decoded in the page: what a person sees, whoever painted it.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

const browser = browserForFile({ webgpu: false });

const XOR_BLUE = [0x2f, 0x7e, 0xd8];
const GAUSS_ORANGE = [0xd5, 0x5e, 0x00];
const MUTED_LIGHT = [0x5b, 0x65, 0x73];
const MUTED_DARK = [0xa3, 0xac, 0xb9];

async function trained(withoutOffscreen: boolean): Promise<{ page: Page; errors: string[]; plot: Locator }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  // A browser without OffscreenCanvas' hand-over (Safari before 16.4).
  if (withoutOffscreen)
    await page.addInitScript('delete HTMLCanvasElement.prototype.transferControlToOffscreen');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${browser.server.url}?backend=wasm`);
  await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(400);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(() => statusLine(page).textContent(), { timeout: 30_000 }).toMatch(/paused/);
  const plot = page.locator('[data-chart="loss"] .time-plot');
  await plot.scrollIntoViewIfNeeded();
  return { page, errors, plot };
}

/** How many pixels of a screenshot of `plot` lie within a small distance of each colour. */
async function pixelsNear(page: Page, plot: Locator, colours: number[][], within = 24): Promise<number[]> {
  const png = (await plot.screenshot()).toString('base64');
  return page.evaluate(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${png}';
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    return ${JSON.stringify(colours)}.map(([r, g, b]) => {
      let n = 0;
      for (let i = 0; i < d.length; i += 4)
        if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < ${within}) n++;
      return n;
    });
  })()`);
}

/** 'worker' when the page can no longer draw on the loss chart's canvas (handed over), else 'page'. */
const painter = (page: Page) =>
  page.evaluate(`(() => {
    const canvas = document.querySelector('[data-chart="loss"] .time-plot canvas');
    try {
      return canvas.getContext('2d') ? 'page' : 'none';
    } catch {
      return 'worker';
    }
  })()`);

describe('time chart painting', () => {
  for (const [who, withoutOffscreen] of [
    ['worker', false],
    ['page', true],
  ] as const)
    it(`paints the lines and the theme's axes (painted by the ${who})`, async () => {
      const { page, errors, plot } = await trained(withoutOffscreen);
      expect(await painter(page)).toBe(who);
      // Lines in both tasks' colours.
      const [blue, orange] = await pixelsNear(page, plot, [XOR_BLUE, GAUSS_ORANGE]);
      expect(blue).toBeGreaterThan(40);
      expect(orange).toBeGreaterThan(40);
      // Tick labels and titles in the theme's muted grey: the cores of their glyphs match it to a few
      // units (anti-aliased edges lie between it and the background, so the match is tight).
      const [light, dark] = await pixelsNear(page, plot, [MUTED_LIGHT, MUTED_DARK], 6);
      expect(light).toBeGreaterThan(20);
      expect(dark).toBe(0);
      // The dark scheme repaints them in its own.
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect
        .poll(async () => pixelsNear(page, plot, [MUTED_LIGHT, MUTED_DARK], 6), { timeout: 10_000 })
        .toEqual([0, expect.any(Number)]);
      expect((await pixelsNear(page, plot, [MUTED_DARK], 6))[0]).toBeGreaterThan(20);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
});
