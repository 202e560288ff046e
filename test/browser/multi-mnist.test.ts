/**
 * MultiMNIST in the built app (issue 14), headless Chromium on WASM: the worker fetches the digits the build
 * made from the `mnist` package (vite.config.ts, src/worker/task-data.ts), trains a shared-bottom MLP on
 * two-digit images, and the kept run's final test accuracy of both tasks is far above chance (10%).
 */
import { describe, expect, it } from 'vitest';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

const browser = browserForFile({ webgpu: false });

const CONFIG = {
  task: { id: 'multi-mnist', params: { trainSamples: 3000, testSamples: 500 } },
  architecture: { id: 'layer-sharing', params: { widths: [64], shared: [true] } },
  learningRate: 0.003,
  batchSize: 64,
  steps: 400,
  reportEvery: 50,
};

describe('MultiMNIST in the app', () => {
  it('loads the digits, trains both digit tasks well above chance, and keeps the run', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(
      `${browser.server.url}?backend=wasm#config=${encodeURIComponent(JSON.stringify(CONFIG))}`,
    );
    await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    // A run is kept as finished when it reaches config.steps (the app may train on past it).
    await expect.poll(() => stepOf(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(400);
    await page.getByRole('button', { name: 'Pause' }).click();
    const metrics = page.locator('.run-row').first().locator('.run-metrics li');
    await expect.poll(() => metrics.count(), { timeout: 20_000 }).toBe(2);
    const texts = await metrics.allTextContents();
    expect(texts[0]).toMatch(/^left digit/);
    expect(texts[1]).toMatch(/^right digit/);
    for (const text of texts) {
      const value = Number(/:\s*([\d.]+)/.exec(text)?.[1]);
      expect(value, text).toBeGreaterThan(0.5);
    }
    expect(errors).toEqual([]);
  });
});
