/**
 * The embedding-cache preset in the built app (WASM): it loads from the presets menu, trains, and draws the
 * cache chart (hit rate and compute saved) with its footer; no console errors. Writes a screenshot of the
 * chart to test/artifacts/ for a human to look at.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launch, serveDist, statusLine, stepOf } from './harness';

let server: Awaited<ReturnType<typeof serveDist>>;
let context: BrowserContext;
beforeAll(async () => {
  server = await serveDist();
  mkdirSync('test/artifacts', { recursive: true });
  context = await launch({ webgpu: false });
});
afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('embedding cache in the app', () => {
  it('the preset trains and the cache chart shows its hit rate and the compute it saved', async () => {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
    await page.getByLabel('Load a preset experiment').selectOption('embedding-cache.json');
    await page.getByRole('tab', { name: 'Training' }).click();
    const chart = page.locator('[data-chart="embedding-cache"]');
    await expect.poll(() => chart.count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 120_000 }).toBeGreaterThan(400);
    await expect.poll(() => chart.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
    // Refresh every 50 steps over 8 steps an epoch: most rows come from the cache after the first epoch.
    // The chart redraws at most twice a second, so its footer may still show an earlier report: poll.
    const hits = async () => Number(((await chart.textContent()) ?? '').match(/Hits ([\d.]+)%/)?.[1]);
    await expect.poll(hits, { timeout: 10_000 }).toBeGreaterThan(50);
    const footer = (await chart.textContent()) ?? '';
    expect(footer).toMatch(/trunk FLOPs saved [\d.]+ [MGT]?FLOP of/);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: 'test/artifacts/embedding-cache.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
