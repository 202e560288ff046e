/**
 * The production build while it trains fast (WASM, so the page and not the device sets the pace): every
 * chart keeps getting points, at most the chart budget of them, the controls answer mid-run (a live
 * learning-rate change, a tooltip, Pause, Reset), and a reset empties the charts at once. Whether tasks
 * stay short is measured by the benchmark (bench/), not asserted here: a test must not depend on timings.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launch, serveDist, statusLine, stepOf } from './harness';

let server: Awaited<ReturnType<typeof serveDist>>;
let context: BrowserContext;
beforeAll(async () => {
  server = await serveDist();
  context = await launch({ webgpu: false });
});
afterAll(async () => {
  await context?.close();
  await server?.close();
});

const status = statusLine;
const chart = (page: Page, id: string) => page.locator(`[data-chart="${id}"]`);
/** Rows the chart drew last (its figure says so in data-points). */
const pointsOf = async (page: Page, id: string) =>
  Number((await chart(page, id).locator('[data-points]').getAttribute('data-points')) ?? NaN);
/** The step the chart's figure describes ("… at step 120: …"), or NaN before any. */
const chartStep = async (page: Page, id: string) =>
  Number(
    ((await chart(page, id).getByRole('img').first().getAttribute('aria-label')) ?? '').match(
      /at step (\d+)/,
    )?.[1] ?? NaN,
  );

describe('while training on WASM', () => {
  it('keeps every chart live and every control responsive', async () => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm');
    await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0 · WASM/);

    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(200);
    const time = ['loss', 'metric', 'cosine', 'layer-cosine', 'norms', 'weights'];
    for (const id of [...time, 'heatmap', 'boundary'])
      await expect.poll(() => chart(page, id).getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
    // Each time chart draws points, never more than its budget (charts/downsample.ts MAX_POINTS).
    for (const id of time) {
      await expect.poll(() => pointsOf(page, id), { timeout: 30_000 }).toBeGreaterThan(1);
      expect(await pointsOf(page, id)).toBeLessThanOrEqual(400);
    }
    // ... and keeps up: the loss chart shows a later step some refreshes on.
    const shown = await chartStep(page, 'loss');
    await expect.poll(() => chartStep(page, 'loss'), { timeout: 30_000 }).toBeGreaterThan(shown);

    // A live change mid-run applies without a reset: the URL records it and the steps go on.
    const rate = page.getByLabel('Learning rate', { exact: true });
    await rate.fill('0.02');
    await rate.press('Tab');
    await expect.poll(() => decodeURIComponent(page.url()), { timeout: 10_000 }).toMatch(/0\.02/);
    const atChange = await stepOf(page);
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(atChange + 50);

    // The tooltip follows the pointer over a chart.
    const plot = chart(page, 'loss').locator('[data-points]');
    // The network view sits above the charts: bring the chart into the viewport before pointing at it.
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    if (!box) throw new Error('the loss chart has no plot box');
    expect(await chart(page, 'loss').textContent()).not.toMatch(/step \d/);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => chart(page, 'loss').textContent(), { timeout: 10_000 }).toMatch(/step \d/);

    // Behind another tab the charts stay mounted but stop redrawing (the run trains on), and catch up when
    // their tab is shown again (ui/panels/ParkedCharts.tsx). Read through CSS: parked, they are hidden.
    await page.getByRole('tab', { name: 'Lessons' }).click();
    const parkedLabel = () =>
      page.locator('.charts-parking [data-chart="loss"] [role="img"]').first().getAttribute('aria-label');
    await expect.poll(parkedLabel, { timeout: 10_000 }).toMatch(/at step \d+/);
    const parkedAt = (await parkedLabel()) ?? '';
    const stepParked = await stepOf(page);
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(stepParked + 500);
    expect(await parkedLabel()).toBe(parkedAt);
    await page.getByRole('tab', { name: 'Training' }).click();
    const parkedStep = Number(parkedAt.match(/at step (\d+)/)?.[1] ?? NaN);
    await expect.poll(() => chartStep(page, 'loss'), { timeout: 10_000 }).toBeGreaterThan(parkedStep);

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/paused/);
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBe(0);
    // A reset is urgent: the charts start over from the new step-0 report at once.
    await expect.poll(() => chartStep(page, 'loss'), { timeout: 10_000 }).toBe(0);
    expect(await pointsOf(page, 'loss')).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
