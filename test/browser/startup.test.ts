/**
 * Start-up in the built app (issue 11), behaviour only (timings belong to the benchmark): on this machine's
 * WebGPU, a SwiftShader emulation, `auto` trains on WASM and the status line says why, with nothing
 * waiting for WebGPU's shaders; the first chart point after Train comes from the first chunk, not after
 * `reportEvery` steps; `?backend=webgpu` still forces WebGPU, which trains and reports; a bad `?backend=`
 * is named in a notice. DIST_DIR serves another build than dist/.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launch, serveDist, statusLine, stepOf } from './harness';

let server: Awaited<ReturnType<typeof serveDist>>;
let context: BrowserContext;
beforeAll(async () => {
  server = await serveDist(process.env.DIST_DIR);
  context = await launch({ webgpu: true });
});
afterAll(async () => {
  await context?.close();
  await server?.close();
});

/** Records what the training worker says (its type, label, note and report steps), from page start. */
const RECORD_WORKER = `
  globalThis.__said = [];
  const Original = globalThis.Worker;
  globalThis.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const m = event.data;
        globalThis.__said.push({ type: m.type, label: m.label, note: m.note, running: m.running,
          steps: m.type === 'reports' ? m.reports.map((r) => r.step) : undefined });
      });
    }
  };
`;

interface Said {
  type: string;
  label?: string;
  note?: string;
  running?: boolean;
  steps?: number[];
}

const status = statusLine;
const train = (page: Page) => page.getByRole('button', { name: 'Train', exact: true });
const said = (page: Page) => page.evaluate<Said[]>('globalThis.__said');

async function open(search = '') {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.addInitScript(RECORD_WORKER);
  await page.goto(server.url + search);
  return { page, errors };
}

describe('start-up', () => {
  it('auto on a software WebGPU trains on WASM at once, says why, and charts the first chunk', async () => {
    const { page, errors } = await open();
    await expect.poll(() => train(page).isEnabled(), { timeout: 60_000 }).toBe(true);
    expect(await status(page).textContent()).toMatch(
      /Step 0 · WASM — WebGPU here is a software emulation \(SwiftShader\), slower than WASM on this CPU/,
    );
    // Nothing waits for WebGPU: it was never initialised, and nothing compiles for it in the background.
    const atStart = await said(page);
    expect(atStart.filter((m) => m.type === 'ready').map((m) => m.label)).toEqual(['WASM']);
    expect(atStart.filter((m) => m.type === 'backend')).toEqual([]);
    expect(await page.getByLabel('Backend', { exact: true }).inputValue()).toBe('auto');

    await train(page).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(100);
    // The first message of the run carries the first chunk's report: a point below reportEvery (50).
    const firstRunning = (await said(page)).find((m) => m.type === 'reports' && m.running);
    expect(firstRunning?.steps).toHaveLength(1);
    expect(firstRunning!.steps![0]).toBeGreaterThan(0);
    expect(firstRunning!.steps![0]).toBeLessThan(50);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('?backend=webgpu still forces WebGPU, which trains and reports', async () => {
    const { page, errors } = await open('?backend=webgpu');
    // Its shaders compile before Train is enabled (tens of seconds on SwiftShader).
    await expect.poll(() => train(page).isEnabled(), { timeout: 180_000 }).toBe(true);
    expect(await status(page).textContent()).toMatch(/Step 0 · WebGPU$/);
    expect(await page.getByLabel('Backend', { exact: true }).inputValue()).toBe('webgpu');
    await train(page).click();
    await expect.poll(() => stepOf(page), { timeout: 120_000 }).toBeGreaterThan(60);
    const reported = (await said(page)).flatMap((m) => m.steps ?? []);
    expect(reported[0]).toBe(0);
    expect(reported.some((step) => step >= 50)).toBe(true);
    expect((await said(page)).filter((m) => m.type === 'ready').map((m) => m.label)).toEqual(['WebGPU']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names a ?backend= that is no backend, and starts on auto', async () => {
    const { page } = await open('?backend=metal');
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), { timeout: 30_000 })
      .toMatch(
        /^Ignored backend="metal" from the link: accepted values are auto, webgpu, webgl, wasm, cpu\./,
      );
    await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0 · WASM/);
    await page.close();
  });
});
