/**
 * Own data in the built app (issue 14), headless Chromium on WASM, one browser profile for the file (its
 * IndexedDB persists across pages and reloads, as for a user):
 * (b) a bad file dropped on the page shows one line naming the row and changes nothing (experiment, stored
 *     files); a text cell in a chosen input is named in the preview, and training is refused;
 * (a) a newcomer drops a CSV with two label columns (test/fixtures/csv/two-labels.csv), sees the preview,
 *     presses "Train on this data", and within 60 s a shared-bottom network has both tasks well above chance;
 * (c) after a reload the file is still listed under "Your data" and the run's config still trains on it;
 * (d) a shipped example's preset names its file relative to presets/: the worker fetches it and trains;
 * (e) unticking one class of a 3-class label leaves its rows out (the dropped-rows line says so), fewer than
 *     2 ticked refuses training in one line, and the run trains on the 2 kept classes (`classes` in the URL).
 * Screenshots of the preview (light, dark, phone width) go to test/artifacts/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

const browser = browserForFile({ webgpu: false });
const TWO_LABELS = readFileSync('test/fixtures/csv/two-labels.csv', 'utf8');

/**
 * Drag a file over the page and drop it, as a file manager does: DragEvents carrying a DataTransfer that
 * holds a File. A script string, since this runs in the page and the test's Node has no DOM types.
 */
const dragScript = (text: string, name: string, events: string[]) => `(() => {
  const data = new DataTransfer();
  data.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'text/csv' }));
  for (const type of ${JSON.stringify(events)})
    document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
})()`;

async function dropFile(page: Page, text: string, name: string, { overlay = false } = {}): Promise<void> {
  await page.evaluate(dragScript(text, name, ['dragenter', 'dragover']));
  if (overlay) await page.getByText('Drop a CSV or TSV file to train on it').waitFor({ timeout: 5000 });
  await page.evaluate(dragScript(text, name, ['drop']));
}

/** The experiment as the URL holds it. */
const urlHash = (page: Page) => decodeURIComponent(new URL(page.url()).hash);

const storedNames = (page: Page) => page.locator('.your-data-list tbody th').allTextContents();

/**
 * The app is up and its trainer built ("Step 0"). The status line is waited for first: on a busy 2-core
 * machine the page may take longer to show it than a locator's own 30 s default.
 */
async function untilReady(page: Page): Promise<void> {
  await statusLine(page).waitFor({ timeout: 90_000 });
  await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
}

async function openApp(page: Page): Promise<void> {
  await page.goto(`${browser.server.url}?backend=wasm`);
  await untilReady(page);
  await page.getByRole('tab', { name: 'Training' }).click();
}

describe('own data in the app', () => {
  it('(b) a bad file shows one line naming the row, and changes nothing', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await openApp(page);
    const hashBefore = urlHash(page);
    await dropFile(page, 'a,b,y\n1,2,u\n3,4\n5,6,v\n', 'ragged.csv');
    const alert = page.locator('.data-bar-error');
    await alert.waitFor({ timeout: 20_000 });
    const line = (await alert.locator('.data-bar-text').textContent()) ?? '';
    expect(line).toMatch(/^ragged\.csv: .*row 3/);
    expect(line).not.toContain('\n');
    await page.screenshot({ path: 'test/artifacts/csv-bad-file.png' });
    expect(urlHash(page)).toBe(hashBefore);
    expect(await page.getByText('No files yet').count()).toBe(1);
    await page.getByRole('button', { name: 'Dismiss this message' }).click();

    // A stray text cell in a numeric column: choosing it as an input names the row and the cell.
    await dropFile(page, 'a,b,y\n1,2,u\n3,x,v\n5,6,u\n7,8,v\n', 'stray.csv');
    const dialog = page.getByRole('dialog', { name: 'Preview: stray.csv' });
    await dialog.waitFor({ timeout: 20_000 });
    await dialog.getByLabel('Role of b').selectOption('input');
    await expect
      .poll(() => dialog.locator('.data-issues li').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/'b' row 3 holds 'x', not a number/)]);
    expect(await dialog.getByRole('button', { name: 'Train on this data' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(urlHash(page)).toBe(hashBefore);
    // Cancel keeps nothing: the file this preview stored is removed again.
    await page.getByText('No files yet').waitFor({ timeout: 5000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('(a) drop a CSV with two labels, preview, train a shared bottom: both tasks above chance within 60 s', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await openApp(page);
    await dropFile(page, TWO_LABELS, 'two-labels.csv', { overlay: true });
    const dialog = page.getByRole('dialog', { name: 'Preview: two-labels.csv' });
    await dialog.waitFor({ timeout: 20_000 });
    expect(await dialog.locator('.data-facts').textContent()).toMatch(/^400 rows × 6 columns/);
    expect(await dialog.getByLabel('Role of side').inputValue()).toBe('classes');
    expect(await dialog.getByLabel('Role of band').inputValue()).toBe('classes');
    expect(await dialog.getByLabel('Role of x1').inputValue()).toBe('input');
    await expect
      .poll(() => dialog.getByRole('button', { name: 'Train on this data' }).isEnabled())
      .toBe(true);

    await page.screenshot({ path: 'test/artifacts/csv-preview-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test/artifacts/csv-preview-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test/artifacts/csv-preview-phone.png' });
    await dialog.getByRole('button', { name: 'Cancel' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test/artifacts/csv-preview-phone-end.png' });
    await page.setViewportSize({ width: 1280, height: 800 });

    const started = Date.now();
    await dialog.getByRole('button', { name: 'Train on this data' }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(2000);
    await page.getByRole('button', { name: 'Pause' }).click();
    const metrics = page.locator('.run-row').first().locator('.run-metrics li');
    await expect.poll(() => metrics.count(), { timeout: 20_000 }).toBe(2);
    const seconds = (Date.now() - started) / 1000;
    const texts = await metrics.allTextContents();
    console.log(
      `csv-data: trained to step ${await stepOf(page)} in ${seconds.toFixed(1)} s: ${texts.join(' | ')}`,
    );
    expect(seconds).toBeLessThan(60);
    expect(texts[0]).toMatch(/^side/);
    expect(texts[1]).toMatch(/^band/);
    // Chance: 0.5 for side (2 classes), 1/3 for band (3 classes; the most common class is 36%).
    for (const text of texts) expect(Number(/:\s*([\d.]+)/.exec(text)?.[1]), text).toBeGreaterThan(0.75);
    expect(await storedNames(page)).toEqual(['two-labels.csv']);
    await page.screenshot({ path: 'test/artifacts/csv-trained.png' });
    const hash = urlHash(page);
    expect(hash).toContain('"id":"csv"');
    expect(hash).toContain('"file":"two-labels.csv"');
    expect(errors).toEqual([]);

    // (c) A reload: the file is still kept, and the config in the URL trains on it from IndexedDB.
    await page.reload();
    await untilReady(page);
    if ((await page.getByRole('tab', { name: 'Training' }).getAttribute('aria-selected')) !== 'true')
      await page.getByRole('tab', { name: 'Training' }).click();
    await expect.poll(() => storedNames(page), { timeout: 10_000 }).toEqual(['two-labels.csv']);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(200);
    await page.getByRole('button', { name: 'Pause' }).click();
    // "Use" opens the kept file's preview again.
    await page.getByRole('button', { name: 'Use two-labels.csv' }).click();
    await page.getByRole('dialog', { name: 'Preview: two-labels.csv' }).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("(d) a shipped example (the penguins preset) is fetched from the app's own files and trains", async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    const preset = readFileSync('public/presets/penguins.json', 'utf8');
    await page.goto(`${browser.server.url}?backend=wasm#config=${encodeURIComponent(preset)}`);
    await untilReady(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(300);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('(e) unticking a class leaves its rows out, and the run trains on the classes kept', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await openApp(page);
    await dropFile(page, TWO_LABELS, 'two-labels.csv');
    const dialog = page.getByRole('dialog', { name: 'Preview: two-labels.csv' });
    await dialog.waitFor({ timeout: 20_000 });
    const train = dialog.getByRole('button', { name: 'Train on this data' });
    await expect.poll(() => train.isEnabled()).toBe(true);
    // band: 130 high, 126 low, 144 mid; the first low is spreadsheet row 4.
    await dialog.getByLabel('Keep band: low').uncheck();
    await expect
      .poll(() => dialog.locator('.data-summary').textContent(), { timeout: 10_000 })
      .toContain('126 of 400 rows left out for an unticked class (first: row 4)');
    await dialog.getByLabel('Keep band: high').uncheck();
    await expect
      .poll(() => dialog.locator('.data-issues li').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^'band' keeps 1 class \('mid'\)/)]);
    expect(await train.isDisabled()).toBe(true);
    await dialog.getByLabel('Keep band: high').check();
    await expect.poll(() => train.isEnabled(), { timeout: 10_000 }).toBe(true);
    await dialog.locator('.kept-classes').screenshot({ path: 'test/artifacts/csv-kept-classes.png' });
    await train.click();
    await expect.poll(() => urlHash(page), { timeout: 10_000 }).toContain('"classes":["","high|mid"]');
    // The run's final metrics are listed once its 2,000 steps are done.
    await expect.poll(() => stepOf(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(2000);
    await page.getByRole('button', { name: 'Pause' }).click();
    const metrics = page.locator('.run-row').first().locator('.run-metrics li');
    await expect.poll(() => metrics.count(), { timeout: 20_000 }).toBe(2);
    const texts = await metrics.allTextContents();
    console.log(`csv-data (kept classes): step ${await stepOf(page)}: ${texts.join(' | ')}`);
    // band now has 2 classes (chance 0.53: 144 mid of 274 rows).
    expect(Number(/:\s*([\d.]+)/.exec(texts[1] ?? '')?.[1]), texts[1]).toBeGreaterThan(0.75);
    expect(errors).toEqual([]);
    await page.close();
  });
});
