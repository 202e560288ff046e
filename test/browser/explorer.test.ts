/**
 * The Gradient geometry tab in the built app (headless Chromium): move a task gradient with the arrow keys,
 * with the pointer and by typing, and check that every shown method's output moves with it and equals what
 * `cli aggregate` prints for the same gradients (the CLI run in-process on tfjs's CPU backend, as the
 * explorer's worker computes). Screenshots (light, dark, 390 px wide) go to test/artifacts/ for a person
 * to look at.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend, NODE_BACKENDS } from '../../src/backend/node';
import { runCli } from '../../src/cli/cli';
import { memoryIo } from '../../src/cli/memory-io';
import { browserForFile, collectErrors } from './harness';

const browser = browserForFile({ webgpu: false });

/** The methods shown on a first visit (explorer-methods.ts DEFAULT_SELECTED). */
const SHOWN = ['ew', 'pcgrad', 'mgda', 'cagrad', 'upgrad', 'imtl', 'nash-mtl'];

beforeAll(async () => {
  await initNodeBackend('cpu');
});

/** `npm run -s cli -- aggregate --method <id> --backend cpu` on these gradients (default seed 1). */
async function cliAggregate(
  method: string,
  grads: number[][],
): Promise<{ direction: number[]; weights: number[] }> {
  const io = memoryIo(JSON.stringify({ grads }));
  const code = await runCli(['aggregate', '--method', method, '--backend', 'cpu'], io, {
    names: NODE_BACKENDS,
    init: (name) => initNodeBackend(name as (typeof NODE_BACKENDS)[number]),
  });
  expect(code, io.stderr()).toBe(0);
  return JSON.parse(io.stdout()) as { direction: number[]; weights: number[] };
}

async function openExplorer(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${browser.server.url}?backend=wasm`);
  await page.getByRole('tab', { name: 'Gradient geometry' }).click();
  await page.locator('.explorer-table tr[data-method="pcgrad"][data-ok="true"]').waitFor({ timeout: 60_000 });
  return { page, errors };
}

const table = (page: Page) => page.locator('.explorer-table');

/** Waits until the table answers for exactly these gradients (the worker may lag a drag by a request). */
async function answeredFor(page: Page, grads: number[][]): Promise<void> {
  await expect
    .poll(() => table(page).getAttribute('data-grads'), { timeout: 30_000 })
    .toBe(JSON.stringify(grads));
}

async function directionOf(page: Page, method: string): Promise<number[]> {
  const text = await page
    .locator(`.explorer-table tr[data-method="${method}"]`)
    .getAttribute('data-direction');
  return (text ?? '').split(',').map(Number);
}

/** Every shown method's direction in the page equals `cli aggregate`'s to float32 rounding. */
async function expectMatchesCli(page: Page, grads: number[][], methods = SHOWN): Promise<void> {
  for (const method of methods) {
    const shown = await directionOf(page, method);
    const expected = (await cliAggregate(method, grads)).direction;
    expect(shown, method).toHaveLength(expected.length);
    shown.forEach((x, k) => expect(Math.abs(x - (expected[k] ?? NaN)), `${method}[${k}]`).toBeLessThan(1e-5));
  }
}

const gradsIn = async (page: Page): Promise<number[][]> =>
  JSON.parse((await table(page).getAttribute('data-grads')) ?? '[]') as number[][];

describe('gradient-geometry explorer', () => {
  it('moves a gradient with the keys, the pointer and the fields, and every output follows cli aggregate', async () => {
    const { page, errors } = await openExplorer();
    await answeredFor(page, [
      [2, 0.5],
      [-1, 1.5],
    ]);
    const before = await directionOf(page, 'pcgrad');
    // PCGrad's construction is drawn on a first visit: its projections onto the normal lines.
    expect(await page.locator('[data-construction="pcgrad"] line').count()).toBeGreaterThan(2);
    // The student sees the conflict at first sight.
    expect(await page.locator('[data-pair="0-1"]').getAttribute('data-conflict')).toBe('true');

    // Keys: g₂ three steps right and two up: (−1, 1.5) → (−0.7, 1.7).
    const handle = page.locator('circle.explorer-handle[data-task="1"]');
    await handle.focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowUp', 'ArrowUp'])
      await handle.press(key);
    const afterKeys = [
      [2, 0.5],
      [-0.7, 1.7],
    ];
    await answeredFor(page, afterKeys);
    expect(await directionOf(page, 'pcgrad')).not.toEqual(before);
    await expectMatchesCli(page, afterKeys);

    // Pointer: drag g₁'s handle 80 px to the left (the drawing snaps to 0.05).
    const box = await page.locator('circle.explorer-handle[data-task="0"]').boundingBox();
    if (!box) throw new Error('no handle');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let k = 1; k <= 8; k++) await page.mouse.move(x - 10 * k, y);
    await page.mouse.up();
    await expect.poll(async () => (await gradsIn(page))[0]?.[0] ?? 2, { timeout: 30_000 }).toBeLessThan(1.9);
    await expect
      .poll(async () => (await page.locator('.explorer-table caption').textContent()) ?? '', {
        timeout: 30_000,
      })
      .not.toContain('updating');
    const dragged = await gradsIn(page);
    expect(dragged[1]).toEqual([-0.7, 1.7]);
    await expectMatchesCli(page, dragged, ['pcgrad', 'mgda']);

    // Typing: g₁ = (1.5, −0.25).
    const row = page.locator('.explorer-gradient-row[data-task="0"]');
    await row.getByLabel('x').fill('1.5');
    await row.getByLabel('y').fill('-0.25');
    const typed = [
      [1.5, -0.25],
      [-0.7, 1.7],
    ];
    await answeredFor(page, typed);
    await expectMatchesCli(page, typed);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with three tasks runs the methods that need three, and reads in light, dark and at phone width', async () => {
    const { page, errors } = await openExplorer();
    await page.getByLabel('3 tasks').check();
    await page.getByRole('checkbox', { name: 'Krum' }).check();
    const three = [
      [2, 0.5],
      [-1, 1.5],
      [1, 2],
    ];
    await answeredFor(page, three);
    await page.locator('.explorer-table tr[data-method="krum"][data-ok="true"]').waitFor({ timeout: 30_000 });
    await expectMatchesCli(page, three, ['krum', 'mgda', 'upgrad']);
    // KaTeX typeset the formulas (its markup, not the TeX source).
    expect(await page.locator('[data-method="mgda"] .explorer-formula .katex').count()).toBe(1);

    // A ready-made situation: three gradients around the origin are Pareto-stationary.
    await page.getByRole('button', { name: 'Three around the origin' }).click();
    await page.getByTestId('explorer-stationary').waitFor({ timeout: 10_000 });
    await answeredFor(page, [
      [2, 0.5],
      [-1, 1.5],
      [0.3, -2],
    ]);
    const mgda = await directionOf(page, 'mgda');
    expect(Math.hypot(mgda[0] ?? NaN, mgda[1] ?? NaN)).toBeLessThan(1e-3);

    await page.getByRole('button', { name: 'Mild conflict' }).click();
    await page.getByLabel('2 tasks').check();
    await page.locator('[data-method="mgda"] input[type="radio"]').check();
    await page.screenshot({ path: 'test/artifacts/explorer-light.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('[data-method="cagrad"] input[type="radio"]').check();
    await page.screenshot({ path: 'test/artifacts/explorer-dark.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('[data-method="upgrad"] input[type="radio"]').check();
    await page.screenshot({ path: 'test/artifacts/explorer-phone.png', fullPage: true });
    // At phone width nothing is wider than the screen.
    const overflow = await page.evaluate(() => {
      // The test runs in Node (no DOM types); this function runs in the page.
      const page = globalThis as unknown as {
        document: { documentElement: { scrollWidth: number } };
        innerWidth: number;
      };
      return page.document.documentElement.scrollWidth - page.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
