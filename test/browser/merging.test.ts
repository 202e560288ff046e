/**
 * Model merging in the built app: the conflicting-tasks preset trains its specialists and joint model, and
 * the "Merged vs specialists vs joint" chart (declared by the merge method's view) draws three bars per
 * task, every method's scores and the interference per shared layer. WASM for speed; one screenshot.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

const env = browserForFile({ webgpu: false });
const preset = JSON.parse(readFileSync('public/presets/merging-conflicting.json', 'utf8')) as Record<
  string,
  unknown
>;

describe('merging chart', () => {
  it('draws specialists, merged and joint per task and the interference per layer', async () => {
    const page = await env.context.newPage();
    const errors = collectErrors(page);
    // A short warm-up, so that the specialists split off within the test's steps.
    const config = { ...preset, merging: { id: 'average', params: { warmupSteps: 50 } } };
    await page.goto(`${env.server.url}#config=${encodeURIComponent(JSON.stringify(config))}`);
    await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
    const chart = page.locator('[data-chart="merging"]');
    await expect.poll(() => chart.count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 120_000 }).toBeGreaterThan(300);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect
      .poll(() => chart.locator('.merging-interference tbody tr').count(), { timeout: 30_000 })
      .toBe(3);
    // Three series (specialist, merged, joint) × two tasks.
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(6);
    expect(await chart.locator('.merging-methods tbody tr').count()).toBe(3);
    expect(await chart.textContent()).toMatch(/Weight averaging \(chosen\)/);
    await chart.screenshot({ path: 'test/artifacts/merging.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await chart.screenshot({ path: 'test/artifacts/merging-dark.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
