/**
 * Meta-learning in the built app: the MAML preset (fewer steps) trains on the sine family, and its two
 * charts (the adapted fits on a held-out sine, the held-out loss after k steps) draw from the reports.
 * Without WebGPU (the WASM fallback); one screenshot of each to look at.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

const env = browserForFile({ webgpu: false });
const preset = {
  ...(JSON.parse(readFileSync('public/presets/maml-sinusoids.json', 'utf8')) as Record<string, unknown>),
  steps: 120,
  reportEvery: 40,
};

describe('meta-learning charts', () => {
  it('draw the adapted fits and the loss after k steps while MAML trains', async () => {
    const page = await env.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${env.server.url}#config=${encodeURIComponent(JSON.stringify(preset))}`);
    await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
    const fits = page.locator('[data-chart="meta-fits"]');
    const loss = page.locator('[data-chart="meta-adaptation"]');
    await expect.poll(() => fits.count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(80);
    await expect.poll(() => loss.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
    await expect.poll(() => loss.textContent(), { timeout: 30_000 }).toMatch(/after 1 step/);
    // The true sine and the fits after 0, 1 and 10 steps; the 10 shots as dots.
    // (Each chart redraws in its own frame slot, so the fits may follow the loss chart by a redraw.)
    await expect.poll(() => fits.locator('path.recharts-line-curve').count(), { timeout: 30_000 }).toBe(4);
    expect(await fits.locator('.recharts-scatter-symbol').count()).toBe(10);
    // Another held-out sine on request.
    await fits.getByRole('button', { name: 'sine 2' }).click();
    await expect.poll(() => fits.textContent()).toMatch(/a = \d/);
    await fits.screenshot({ path: 'test/artifacts/meta-fits.png' });
    await loss.screenshot({ path: 'test/artifacts/meta-adaptation.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
