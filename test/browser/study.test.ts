/**
 * Studies in the built app, in headless Chromium on WASM (fast here): build EW against PCGrad over 2 seeds
 * with single-task baselines on a tiny budget, start it, and read the table (a row per method with numbers
 * and a Δm% column); cancel a longer one mid-way and find its finished runs kept. Screenshots (light, dark,
 * 390 px wide) go to test/artifacts/ for a person to look at.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, collectErrors, statusLine } from './harness';

const browser = browserForFile({ webgpu: false });

/** The default suite with a tiny budget (the builder's steps start from the config's). */
const hashOf = (steps: number, reportEvery: number) =>
  `#config=${encodeURIComponent(JSON.stringify({ task: { id: 'playground-2d' }, steps, reportEvery }))}`;

async function openStudies(steps: number, reportEvery: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${browser.server.url}?backend=wasm${hashOf(steps, reportEvery)}`);
  await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
  await page.getByRole('tab', { name: 'Studies' }).click();
  await page.getByRole('heading', { name: 'Build a study' }).waitFor({ timeout: 30_000 });
  return { page, errors };
}

/** Vary the method over EW and PCGrad, with `seeds` seeds and baselines on. */
async function buildMethodStudy(page: Page, seeds: number): Promise<void> {
  await page.getByLabel('Add a field to vary').selectOption('method.id');
  const row = page.locator('[data-vary="method.id"]');
  expect(await row.locator('input[value="ew"]').isChecked()).toBe(true);
  await row.locator('input[value="pcgrad"]').check();
  await page.getByLabel('Seeds per setting').fill(String(seeds));
  expect(await page.getByLabel('Single-task baselines and Δm%').isChecked()).toBe(true);
}

const rowCells = (page: Page, group: string) =>
  page.locator(`.study-table tr[data-group="${group}"] td`).allTextContents();

describe('studies', () => {
  it('runs EW vs PCGrad over 2 seeds with baselines and shows the table with Δm%', async () => {
    const { page, errors } = await openStudies(30, 10);
    await buildMethodStudy(page, 2);
    // 2 methods × 2 seeds + 2 baseline runs, before anything starts.
    expect(await page.getByTestId('study-estimate').textContent()).toContain('6 runs');
    await page.getByRole('button', { name: 'Start study' }).click();
    await page.locator('.study-table').waitFor({ timeout: 180_000 });

    const headers = await page.locator('.study-table thead th').allTextContents();
    expect(headers.some((h) => h.includes('Δm% vs single-task (lower is better)'))).toBe(true);
    const number = /-?\d+(\.\d+)?(e-?\d+)? ± \d/;
    for (const group of ['method.id=ew', 'method.id=pcgrad']) {
      const cells = await rowCells(page, group);
      // Every task's metric and loss, and Δm%: mean ± interval over the 2 seeds.
      expect(cells.filter((c) => number.test(c)).length).toBeGreaterThanOrEqual(5);
    }
    expect(await page.locator('.study-table th[scope="row"]').first().textContent()).toBe('Equal weights');
    for (const chart of ['study-delta-m', 'study-pareto'])
      await expect
        .poll(() => page.locator(`[data-chart="${chart}"]`).getAttribute('data-ready'), { timeout: 10_000 })
        .toBe('true');
    await page.screenshot({ path: 'test/artifacts/study-light-1280x800.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test/artifacts/study-dark-1280x800.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test/artifacts/study-390-dark.png', fullPage: true });
    // The study is kept: the past-studies list has it, and the run list its 6 runs.
    await expect.poll(() => page.locator('.study-past li').count()).toBe(1);
    expect(await page.locator('.study-past li').textContent()).toContain('6 of 6 runs');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('one click starts the example study; cancel mid-way keeps the finished runs and summarises them', async () => {
    const { page, errors } = await openStudies(30, 10);
    // The menu's second example: EW, PCGrad, MGDA, CAGrad and UPGrad over 5 seeds with baselines (30 runs:
    // long enough to cancel mid-way; the first, EW vs PCGrad, has 15).
    await expect
      .poll(() => page.getByLabel('Run an example study').locator('option').count())
      .toBeGreaterThan(1);
    await page.getByLabel('Run an example study').selectOption({ index: 2 });
    await expect
      .poll(() => page.locator('.study-progress-line').textContent(), { timeout: 120_000 })
      .toMatch(/Runs done: [1-9]\d* of 30/);
    await page.getByRole('button', { name: 'Cancel (keep finished runs)' }).click();
    await page.locator('.study-table').waitFor({ timeout: 60_000 });
    expect(await page.locator('.study-results').textContent()).toContain('cancelled');
    const kept = page.locator('.study-past li', { hasText: 'cancelled' });
    await expect.poll(() => kept.count()).toBe(1);
    const text = (await kept.textContent()) ?? '';
    const [, done, planned] = /(\d+) of (\d+) runs/.exec(text) ?? [];
    expect(Number(planned)).toBe(30);
    expect(Number(done)).toBeGreaterThanOrEqual(1);
    expect(Number(done)).toBeLessThan(30);
    // The finished runs are in the table: the first method's row has numbers.
    const cells = await rowCells(page, 'method.id=ew');
    expect(cells.some((c) => /\d/.test(c))).toBe(true);
    await page.screenshot({ path: 'test/artifacts/study-cancelled-1280x800.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('one click compares EW and PCGrad over 5 seeds with baselines, and the table answers', async () => {
    const { page, errors } = await openStudies(30, 10);
    await expect
      .poll(() => page.getByLabel('Run an example study').locator('option').count())
      .toBeGreaterThan(1);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    // On a machine with several cores the study worker deals jobs to helper workers as well, started
    // while the Studies tab is open, before any study.
    const lanes = Math.min(Math.max(cores, 1), 4);
    const helperWorkers = () => page.workers().filter((w) => w.url().includes('helper.worker'));
    await expect.poll(() => helperWorkers().length, { timeout: 30_000 }).toBe(lanes - 1);
    await page.getByLabel('Run an example study').selectOption({ index: 1 });
    await expect
      .poll(() => page.locator('.study-progress-line').textContent(), { timeout: 60_000 })
      .toContain(lanes > 1 ? `on WASM, ${lanes} workers in parallel` : 'on WASM');
    await page.locator('.study-table').waitFor({ timeout: 300_000 });
    if (lanes > 1) {
      // The helpers trained some of the jobs (each job is a User Timing measure in its worker).
      const helpers = helperWorkers();
      expect(helpers).toHaveLength(lanes - 1);
      const jobs = await Promise.all(
        helpers.map((w) => w.evaluate(() => performance.getEntriesByName('mtl:study-job').length)),
      );
      expect(jobs.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    }
    const number = /-?\d+(\.\d+)?(e-?\d+)? ± \d/;
    for (const group of ['method.id=ew', 'method.id=pcgrad']) {
      const cells = await rowCells(page, group);
      expect(cells.filter((c) => number.test(c)).length).toBeGreaterThanOrEqual(5);
    }
    // PCGrad's row says whether it is within seed noise of EW's.
    expect((await rowCells(page, 'method.id=pcgrad')).at(-1)).toMatch(/^(yes|no)$/);
    await expect.poll(() => page.locator('.study-past li').first().textContent()).toContain('15 of 15 runs');
    expect(errors).toEqual([]);
    await page.close();
  });
});
