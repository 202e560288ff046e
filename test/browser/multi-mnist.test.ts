/**
 * MultiMNIST in the built app (issue 14), headless Chromium on WASM: the worker fetches the digits the build
 * made from the `mnist` package (vite.config.ts, src/worker/task-data.ts), trains a shared-bottom MLP on
 * two-digit images, and the kept run's final test accuracy of both tasks is far above chance (10%). The
 * prediction grid shows test images with both tasks' predictions, right and wrong marked, at the final step;
 * screenshots of it (light, dark, phone width) go to test/artifacts/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

const browser = browserForFile({ webgpu: false });

/** What the test reads of a canvas in the page (this file type-checks without the DOM library). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  } | null;
}

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
    // The worker confirms the pause after its last chunk, which may add steps: read the step after that.
    await expect.poll(() => statusLine(page).textContent(), { timeout: 30_000 }).toMatch(/paused/);
    const metrics = page.locator('.run-row').first().locator('.run-metrics li');
    await expect.poll(() => metrics.count(), { timeout: 20_000 }).toBe(2);
    const texts = await metrics.allTextContents();
    expect(texts[0]).toMatch(/^left digit/);
    expect(texts[1]).toMatch(/^right digit/);
    for (const text of texts) {
      const value = Number(/:\s*([\d.]+)/.exec(text)?.[1]);
      expect(value, text).toBeGreaterThan(0.5);
    }

    // The prediction grid: the page built the run's test images itself and asked the worker about them.
    const grid = page.locator('[data-chart="image-predictions"]');
    const finalStep = await stepOf(page);
    await expect
      .poll(() => grid.locator('h3').first().textContent(), { timeout: 30_000 })
      .toContain(`at step ${finalStep}`);
    const figures = grid.locator('figure[role="img"]');
    expect(await figures.count()).toBe(24);
    for (let n = 0; n < 24; n++)
      expect(await figures.nth(n).locator('[data-verdict]').count(), `image ${n}`).toBe(2);
    const lines = grid.locator('[data-verdict]');
    const verdicts: [string | null, string][] = [];
    for (let k = 0; k < (await lines.count()); k++)
      verdicts.push([
        await lines.nth(k).getAttribute('data-verdict'),
        (await lines.nth(k).textContent()) ?? '',
      ]);
    // Right lines end in ✓; wrong ones carry ✗ and the true digit. At ~80% accuracy both kinds appear.
    for (const [verdict, text] of verdicts)
      expect(text).toMatch(verdict === 'right' ? /^(left|right) \d ✓$/ : /^(left|right) \d ✗ \d$/);
    const wrong = verdicts.filter(([v]) => v === 'wrong').length;
    expect(wrong).toBeGreaterThan(0);
    expect(wrong).toBeLessThan(24);
    const sentence = await figures.first().getAttribute('aria-label');
    expect(sentence).toMatch(
      /^Test image 1: left digit: predicted \d (✓|✗ \(it is \d\)) · right digit: predicted \d (✓|✗ \(it is \d\))$/,
    );
    // The digits were drawn: a canvas holds grey pixels, not an empty picture.
    const lit = await figures
      .first()
      .locator('canvas')
      .evaluate((element) => {
        const c = element as unknown as CanvasLike;
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) > 100) n++;
        return n;
      });
    expect(lit).toBeGreaterThan(30);
    await page.screenshot({ path: 'test/artifacts/multi-mnist-training-light.png', fullPage: true });
    // Below the sticky transport bar, so it does not cover the grid's title.
    const clear = () =>
      grid.evaluate((e) => {
        const w = globalThis as unknown as { scrollY: number; scrollTo(x: number, y: number): void };
        const top = (e as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect()
          .top;
        w.scrollTo(0, top + w.scrollY - 140);
      });
    await clear();
    await grid.screenshot({ path: 'test/artifacts/multi-mnist-grid-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await grid.screenshot({ path: 'test/artifacts/multi-mnist-grid-dark.png' });
    // A phone's width; tall enough that the whole grid fits under the sticky bar.
    await page.setViewportSize({ width: 390, height: 1400 });
    await clear();
    await grid.screenshot({ path: 'test/artifacts/multi-mnist-grid-dark-390.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(errors).toEqual([]);
  });

  it('with the convolutional trunk, the layer-cosine chart and the network view name conv 1, conv 2 and dense', async () => {
    const lenet = {
      task: { id: 'multi-mnist', params: { trainSamples: 500, testSamples: 200 } },
      architecture: { id: 'lenet' },
      batchSize: 32,
      steps: 20,
      reportEvery: 5,
    };
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${browser.server.url}?backend=wasm#config=${encodeURIComponent(JSON.stringify(lenet))}`);
    await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(10);
    await page.getByRole('button', { name: 'Pause' }).click();
    const chart = page.locator('[data-chart="layer-cosine"]');
    await expect.poll(() => chart.getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    const legend = (await chart.textContent()) ?? '';
    for (const layer of ['conv 1', 'conv 2', 'dense']) expect(legend, layer).toContain(layer);
    // The network view's exact numbers: one row per shared layer, named by its layer.
    const rows = page.locator('.net-view tr[data-layer] th');
    await expect.poll(() => rows.allTextContents()).toEqual(['conv 1', 'conv 2', 'dense']);
    await page.locator('.net-view').screenshot({ path: 'test/artifacts/multi-mnist-lenet-network.png' });
    await chart.screenshot({ path: 'test/artifacts/multi-mnist-lenet-layer-cosine.png' });
    expect(errors).toEqual([]);
  });
});
