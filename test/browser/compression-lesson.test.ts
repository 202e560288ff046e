/**
 * The lesson "1-bit gradients need error feedback" in the built app, headless Chromium on WASM: its card
 * opens it, step 1 trains full precision (no compression chart), step 2 turns 1-bit sign on and the chart
 * "Loss vs bytes sent" appears with the measured saving, step 3 adds error feedback. Screenshots (light and
 * dark) go to test/artifacts/ for a person to look at. Reads public/lessons/compression-error-feedback.json.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/engine/lessons/types';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

const browser = browserForFile({ webgpu: false });
const ART = 'test/artifacts';
const lesson = JSON.parse(readFileSync('public/lessons/compression-error-feedback.json', 'utf8')) as Lesson;
// The lesson pauses each run at its config's budget (lesson-actions.ts).
const budget = lesson.setup.kind === 'config' ? (lesson.setup.config.steps as number) : 0;

const player = (page: Page) => page.getByRole('region', { name: 'Lesson' });
const stepCount = (page: Page) => player(page).locator('.lesson-step-count').textContent();

/** "Do it and train", then wait until the run pauses at its budget. */
async function doAndTrain(page: Page): Promise<void> {
  await player(page)
    .getByRole('button', { name: /^Do it/ })
    .click();
  // A step after a finished run resets it first: wait for the fresh run, then for its end.
  await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeLessThan(budget);
  await expect.poll(() => stepOf(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(budget);
  // Exactly at the budget, paused (the session stops there itself), as `cli lesson check` trains.
  await expect.poll(() => statusLine(page).textContent(), { timeout: 10_000 }).toMatch(/paused/);
  expect(await stepOf(page)).toBe(budget);
}

describe('lesson compression-error-feedback', () => {
  it('steps from fp32 to 1-bit sign to sign with error feedback, the bytes chart appearing with compression', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${browser.server.url}?backend=wasm`);
    await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
    await page.getByRole('button', { name: `Start lesson: ${lesson.title}` }).click();
    await expect.poll(() => stepCount(page), { timeout: 30_000 }).toMatch(`Step 1 of ${lesson.steps.length}`);
    const chart = page.locator('[data-chart="communication"]');

    // Step 1: full precision; no compressor, so no bytes chart.
    await doAndTrain(page);
    expect(await chart.count()).toBe(0);

    // Step 2: 1-bit sign without error feedback. 8 workers × (455 sign bits + a 32-bit scale) against
    // 8 × 455 × 32 bits: 487 / 14,560 = 3.345% sent, 96.7% saved.
    await player(page).getByRole('button', { name: 'Next' }).click();
    await doAndTrain(page);
    await expect.poll(() => chart.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => chart.textContent(), { timeout: 30_000 }).toMatch(/saved 96\.7%/);
    expect(await chart.locator('tbody tr').count()).toBe(8);
    await chart.screenshot({ path: `${ART}/compression-lesson-sign.png` });

    // Step 3: with error feedback, the same bytes.
    await player(page).getByRole('button', { name: 'Next' }).click();
    await doAndTrain(page);
    await expect.poll(() => chart.textContent(), { timeout: 30_000 }).toMatch(/saved 96\.7%/);
    await page.screenshot({ path: `${ART}/compression-lesson-light-1280x800.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await chart.screenshot({ path: `${ART}/compression-lesson-ef-dark.png` });
    expect(errors).toEqual([]);
    await page.close();
  });
});
