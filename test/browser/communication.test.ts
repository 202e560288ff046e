/**
 * Gradient compression in the built app: the 1-bit preset with error feedback trains, and its chart (loss
 * against bytes sent, the decoded gradients' cosines, the residuals) appears only because the experiment
 * turns compression on. Without WebGPU (the WASM fallback) for speed; one screenshot to look at.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

const env = browserForFile({ webgpu: false });
const preset = JSON.parse(readFileSync('public/presets/compression-sign-ef.json', 'utf8')) as Record<
  string,
  unknown
>;

describe('communication chart', () => {
  it('draws loss against bytes sent and the per-task cosines while a compressed run trains', async () => {
    const page = await env.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${env.server.url}#config=${encodeURIComponent(JSON.stringify(preset))}`);
    await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
    const chart = page.locator('[data-chart="communication"]');
    await expect.poll(() => chart.count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 90_000 }).toBeGreaterThan(400);
    // 3 workers × (18 sign bits + a 32-bit scale) against 3 × 18 × 32 bits: 91.3% saved.
    await expect.poll(() => chart.textContent(), { timeout: 30_000 }).toMatch(/saved 91\.3%/);
    expect(await chart.locator('tbody tr').count()).toBe(3);
    // This run's line and the fp32 line, on the log axis of bytes: drawn once the chart's next scheduled
    // redraw brings a second point (charts redraw at most twice a second; the table shows at once).
    await expect.poll(() => chart.locator('path.recharts-line-curve').count(), { timeout: 30_000 }).toBe(2);
    await chart.screenshot({ path: 'test/artifacts/communication.png' });
    expect(errors).toEqual([]);

    // The same experiment without compression declares no such chart.
    const { communication: _, ...plain } = preset;
    await page.goto(`${env.server.url}#config=${encodeURIComponent(JSON.stringify(plain))}`);
    await page.reload();
    await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
    expect(await page.locator('[data-chart="communication"]').count()).toBe(0);
    await page.close();
  });
});
