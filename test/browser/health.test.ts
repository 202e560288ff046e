/**
 * Runs that stop working, in the built app: a collapsed run (Adam at learning rate 10 kills the ReLU units of
 * the default experiment) gets a banner with what to try and keeps training until the user decides; a
 * diverged run's banner and status line name the same step. Without WebGPU (the WASM fallback) for speed.
 */
import type { BrowserContext } from 'playwright-core';
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

async function open(config: object) {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}#config=${encodeURIComponent(JSON.stringify(config))}`);
  await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
  return { page, errors };
}

describe('training health', () => {
  it('explains a collapsed run, keeps training, and lets the user dismiss it', async () => {
    const { page, errors } = await open({ task: { id: 'playground-2d' }, learningRate: 10 });
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const banner = page.getByRole('alert', { name: 'Training has stopped learning' });
    await expect.poll(() => banner.textContent(), { timeout: 90_000 }).toMatch(/exactly zero/);
    expect(await banner.textContent()).toMatch(/Lower the learning rate \(now 10/);
    // Not stopped: the run goes on under the banner.
    const flagged = await stepOf(page);
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(flagged + 50);
    await page.getByRole('button', { name: 'Keep training' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    const dismissed = await stepOf(page);
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(dismissed + 100);
    expect(await banner.count()).toBe(0); // the same collapse does not come back
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the same step in the divergence banner and the status line', async () => {
    const { page, errors } = await open({
      task: { id: 'sinusoids', params: { amplitudeRatio: 50 } },
      optimizer: { id: 'sgd' },
      learningRate: 10,
    });
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toMatch(/stopped \(diverged\)/);
    const text = (await page.getByRole('alert').filter({ hasText: 'diverged' }).textContent()) ?? '';
    const step = Number(text.match(/diverged at step (\d+)/)?.[1]);
    expect(step).toBeLessThan(50);
    expect(await stepOf(page)).toBe(step);
    expect(errors).toEqual([]);
    await page.close();
  });
});
