/**
 * The built app in headless Chromium: WebGPU (SwiftShader) path, the fallback without WebGPU (and a refused
 * switch to it), URL round-trips, hostile URLs, console errors (a missing file is a 404 here, as on any
 * static server). Main-thread long tasks are timings: `npm run bench` measures them (bench/app.bench.ts).
 * Writes a screenshot of the training page to test/artifacts/ for a human to look at.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launch, serveDist, statusLine, stepOf } from './harness';

let server: Awaited<ReturnType<typeof serveDist>>;
beforeAll(async () => {
  server = await serveDist();
  mkdirSync('test/artifacts', { recursive: true });
});
afterAll(async () => server?.close());

const status = statusLine;
/** The charts on the page, by data-chart id, in page order. */
async function chartIds(page: Page): Promise<string[]> {
  const charts = await page.locator('[data-chart]').all();
  return Promise.all(charts.map(async (c) => (await c.getAttribute('data-chart')) ?? ''));
}

async function open(context: BrowserContext, hash = '') {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(server.url + hash);
  await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
  return { page, errors };
}

/** `auto` trains on WASM where WebGPU is SwiftShader (as here): these tests mean WebGPU, so they force it. */
const FORCE_WEBGPU = '?backend=webgpu';

describe('with WebGPU', () => {
  let context: BrowserContext;
  beforeAll(async () => (context = await launch({ webgpu: true })));
  afterAll(async () => context?.close());

  it('trains on WebGPU: steps rise, every chart draws, PCGrad applies mid-run, Step and Reset work', async () => {
    const { page, errors } = await open(context, FORCE_WEBGPU);
    await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toMatch(/WebGPU/);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(50);
    // The standard charts, and the decision boundary the suite's view asks for (no landscape, no shares).
    expect(await chartIds(page)).toEqual([
      'loss',
      'metric',
      'cosine',
      'heatmap',
      'layer-cosine',
      'norms',
      'weights',
      'boundary',
    ]);
    for (const chart of [
      'loss',
      'metric',
      'cosine',
      'heatmap',
      'layer-cosine',
      'norms',
      'weights',
      'boundary',
    ]) {
      await expect
        .poll(() => page.locator(`[data-chart="${chart}"]`).getAttribute('data-ready'), { timeout: 60_000 })
        .toBe('true');
    }
    await page.screenshot({ path: 'test/artifacts/playground-light-1280x800.png', fullPage: true });
    await page.getByLabel('Method', { exact: true }).selectOption('pcgrad');
    await expect.poll(() => page.locator('.lede').textContent(), { timeout: 10_000 }).toMatch(/PCGrad/);
    const stepAtSwitch = await stepOf(page);
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(stepAtSwitch + 20);
    await page.screenshot({ path: 'test/artifacts/training-webgpu-1280x800.png' });
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/paused/);
    const paused = await stepOf(page);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => stepOf(page), { timeout: 20_000 }).toBe(paused + 1);
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBe(0);
    expect(errors).toEqual([]);
  });

  it('survives a real GPU process crash: says the device was lost and continues on WASM', async () => {
    const { page } = await open(context, FORCE_WEBGPU);
    await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toMatch(/WebGPU/);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(5);
    // The DevTools protocol kills the GPU process: every WebGPU device of the browser is lost for real.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Browser.crashGpuProcess' as never);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toMatch(/GPU device was lost/);
    await page.getByRole('button', { name: 'Continue on WASM' }).click();
    await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toMatch(/WASM/);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const resumed = await stepOf(page);
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(resumed + 20);
    await page.close();
  });

  it('shows the toy landscapes with live trajectories, in dark mode and at phone width', async () => {
    const hash = `#config=${encodeURIComponent(JSON.stringify({ task: { id: 'toy' }, learningRate: 0.05, reportEvery: 10 }))}`;
    const { page, errors } = await open(context, FORCE_WEBGPU + hash);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(30);
    await expect
      .poll(() => page.locator('[data-chart="landscape"]').getAttribute('data-ready'), { timeout: 60_000 })
      .toBe('true');
    // The suite's landscape view instead of a decision boundary; no sampling menu for a suite without samples.
    const ids = await chartIds(page);
    expect(ids).toContain('landscape');
    expect(ids).not.toContain('boundary');
    expect(await page.getByLabel('Sampling', { exact: true }).count()).toBe(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test/artifacts/toy-dark-1280x800.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.getByRole('button', { name: 'Show controls' }).isVisible()).toBe(true);
    await page.screenshot({ path: 'test/artifacts/toy-dark-390.png' });
    expect(errors).toEqual([]);
  });

  it('runs the catalogue and isolation knobs: CGC, UPGrad, separate imbalanced data, round-robin, affinity', async () => {
    const config = {
      task: { id: 'sinusoids', params: { inputs: 'separate', trainSamplesPerTask: [100, 1000] } },
      architecture: { id: 'cgc' },
      method: { id: 'upgrad' },
      sampling: { id: 'round-robin' },
      isolation: { affinityEvery: 5, clipNorm: 5 },
      batchSize: 32,
      reportEvery: 10,
    };
    const { page, errors } = await open(
      context,
      `${FORCE_WEBGPU}#config=${encodeURIComponent(JSON.stringify(config))}`,
    );
    // The menus are grouped as the issue asks (loss weighting / gradient surgery / multi-objective ...).
    const optgroups = await page.getByLabel('Method', { exact: true }).locator('optgroup').all();
    const groups = await Promise.all(optgroups.map((g) => g.getAttribute('label')));
    expect(groups).toEqual(['Loss weighting', 'Gradient surgery', 'Multi-objective', 'Robust aggregation']);
    await expect.poll(() => page.getByTestId('partial-note').textContent()).toMatch(/last gradient/);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    // The strategy's task-shares view and the affinity the isolation settings measure; no boundary here.
    const ids = await chartIds(page);
    expect(ids).toContain('shares');
    expect(ids).toContain('affinity');
    expect(ids).not.toContain('boundary');
    for (const chart of ['loss', 'weights', 'shares', 'affinity', 'layer-cosine']) {
      await expect
        .poll(() => page.locator(`[data-chart="${chart}"]`).getAttribute('data-ready'), { timeout: 90_000 })
        .toBe('true');
    }
    await page.locator('[data-chart="affinity"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test/artifacts/isolation-1280x800.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  // The link tests need no WebGPU: on `auto` (WASM here) they skip SwiftShader's ~12 s shader warm-up.
  it('round-trips the config through the URL', async () => {
    const { page } = await open(context);
    await page.getByLabel('Method', { exact: true }).selectOption('cagrad');
    const url = page.url();
    expect(url).toMatch(/#config=/);
    const { page: copy, errors } = await open(context, new URL(url).hash);
    await expect.poll(() => copy.getByLabel('Method', { exact: true }).inputValue()).toBe('cagrad');
    expect(errors).toEqual([]);
  });

  it('keeps the valid fields of a hostile URL and names the bad one', async () => {
    const { page, errors } = await open(
      context,
      `#config=${encodeURIComponent('{"method":{"id":"<img src=x onerror=alert(1)>"},"seed":7}')}`,
    );
    const notice = page.getByRole('alert').first();
    await expect
      .poll(() => notice.textContent())
      .toMatch(/^Ignored method\.id from the link .*kept the rest\./);
    expect(((await notice.textContent()) ?? '').length).toBeLessThan(220);
    expect(await page.getByLabel('Method', { exact: true }).inputValue()).toBe('ew');
    expect(await page.getByLabel('Seed', { exact: true }).inputValue()).toBe('7');
    expect(errors).toEqual([]);
  });
});

describe('without WebGPU', () => {
  it('falls back, says so, and trains', async () => {
    const context = await launch({ webgpu: false });
    try {
      const { page, errors } = await open(context);
      await expect
        .poll(() => status(page).textContent(), { timeout: 60_000 })
        .toMatch(/(WebGL|WASM|CPU).*fell back: WebGPU/);
      // Under `auto` that is the plan working, not an error: the status line's muted colour, not red.
      // (A string for the page to run: the test files are typed for Node, without the DOM's globals.)
      const colorOf = (selector: string) =>
        page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).color`);
      expect(await colorOf('p.status-line .fallback')).toBe(await colorOf('p.status-line'));
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(20);
      // Asking for the missing WebGPU must say so and keep the run, not silently start over.
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/paused/);
      const trained = await stepOf(page);
      await page.getByLabel('Backend', { exact: true }).selectOption('webgpu');
      await expect
        .poll(() => page.getByRole('alert').first().textContent(), { timeout: 10_000 })
        .toMatch(/^WebGPU is not available here: .*Kept the run on (WebGL|WASM|CPU)\./);
      expect(await stepOf(page)).toBe(trained);
      expect(await status(page).textContent()).toMatch(/paused/);
      expect(await page.getByLabel('Backend', { exact: true }).inputValue()).toBe('auto');
      expect(errors).toEqual([]);

      // A link that asks for WebGPU here was refused: that fallback is shown in red.
      const forced = await open(context, FORCE_WEBGPU);
      await expect
        .poll(() => status(forced.page).textContent(), { timeout: 60_000 })
        .toMatch(/fell back: WebGPU/);
      const colorIn = (p: typeof page, selector: string) =>
        p.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).color`);
      expect(await colorIn(forced.page, 'p.status-line .fallback')).not.toBe(
        await colorIn(forced.page, 'p.status-line'),
      );
      expect(forced.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
