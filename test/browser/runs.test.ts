/**
 * Runs that are kept (issue 12), in the built app in headless Chromium on WASM: a trained run is listed
 * after Reset and survives a reload; two runs overlaid reach the charts; export JSON then import it gives
 * a second identical run; a full disk (one IndexedDB put failing with QuotaExceededError) shows the
 * message and keeps the runs; a run checkpointed while training resumes after a reload from its step.
 * Writes screenshots of the list (light, dark, 390 px wide) to test/artifacts/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

const browser = browserForFile({ webgpu: false });

const WASM = '?backend=wasm';
const runsToggle = (page: Page) => page.locator('.runs-toggle');
const rows = (page: Page) => page.locator('.run-row');
/** "Runs (N)" → N. */
const runCount = async (page: Page) =>
  Number(((await runsToggle(page).textContent()) ?? '').match(/Runs \((\d+)\)/)?.[1] ?? NaN);

async function open(page: Page, hash = '') {
  await page.goto(browser.server.url + WASM + hash);
  await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
  // A first visit (no experiment in the link) opens on the lesson cards; the run list is in Training.
  await page.getByRole('tab', { name: 'Training' }).click();
  await expect.poll(() => runCount(page), { timeout: 20_000 }).not.toBeNaN();
}

/** Train until the step passes `steps`, then Reset: the run so far is kept. */
async function trainAndReset(page: Page, steps: number) {
  const before = await runCount(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(steps);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBe(0);
  await expect.poll(() => runCount(page), { timeout: 20_000 }).toBe(before + 1);
}

describe('kept runs', () => {
  it('lists a trained run after Reset, keeps it over a reload, overlays two, round-trips export/import', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await open(page);
    expect(await runCount(page)).toBe(0);
    await expect(page.locator('.runs-empty').textContent()).resolves.toMatch(/No runs kept yet/);
    await trainAndReset(page, 30);
    const name = (await rows(page).first().locator('.run-name').textContent()) ?? '';
    expect(name).toMatch(/ · seed \d+$/);
    await expect(rows(page).first().locator('.run-status').textContent()).resolves.toBe('stopped');

    await page.reload();
    await open(page);
    expect(await runCount(page)).toBe(1);
    expect(await rows(page).first().locator('.run-name').textContent()).toBe(name);

    // Rename the second run inline, so that the overlay legend can tell the two apart.
    await trainAndReset(page, 20);
    await rows(page).first().locator('.run-name').click();
    const input = rows(page).first().locator('.run-name-input');
    await input.fill('second run');
    await input.press('Enter');
    await expect.poll(() => rows(page).first().locator('.run-name').textContent()).toBe('second run');

    // Overlay both: the charts' run legend names each.
    for (const row of await rows(page).all()) {
      // The box turns checked once the run's full record is read from IndexedDB (a few ms).
      await row.getByLabel('overlay').click();
      await expect.poll(() => row.getByLabel('overlay').isChecked()).toBe(true);
    }
    const legend = page.locator('[data-chart="loss"] .chart-run-legend');
    await expect.poll(() => legend.textContent(), { timeout: 20_000 }).toContain('second run');
    expect(await legend.textContent()).toContain(name);

    // Export the first as JSON, import the file: a second identical run appears.
    const count = await runCount(page);
    await rows(page).first().getByRole('button', { name: 'Export ▾' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'JSON (run file)' }).click(),
    ]);
    const file = join(tmpdir(), `runs-test-${Date.now()}.json`);
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('second_run.json');
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; run: { name: string } };
    expect(exported).toMatchObject({ format: 'mtl-playground-run', run: { name: 'second run' } });
    await page.getByLabel('Run file to import').setInputFiles(file);
    await expect.poll(() => runCount(page), { timeout: 20_000 }).toBe(count + 1);

    // CSV: a header and one row per report and task; the Python script: a PyTorch run.py of the config.
    const exportAs = async (item: string) => {
      await rows(page).first().getByRole('button', { name: 'Export ▾' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: item }).click(),
      ]);
      const path = join(tmpdir(), `runs-test-${Date.now()}-${download.suggestedFilename()}`);
      await download.saveAs(path);
      return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
    };
    const csv = await exportAs('CSV (per step and task)');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.split('\n')[0]).toBe(
      'step,task,metric,train_loss,test_loss,train_metric,test_metric,weight,gradient_norm',
    );
    const py = await exportAs('Python script (PyTorch)');
    expect(py.name).toMatch(/^mtl-playground-.*\.py$/);
    expect(py.text).toContain('import torch');
    const names = await rows(page).locator('.run-name').allTextContents();
    expect(names.filter((n) => n === 'second run')).toHaveLength(2);
    await expect(page.locator('.runs-notice').textContent()).resolves.toMatch(/Imported 1 run/);

    // A bad file: one line naming the field; nothing changes.
    const bad = join(tmpdir(), `runs-test-bad-${Date.now()}.json`);
    const broken = JSON.parse(readFileSync(file, 'utf8')) as { run: { status: string } };
    broken.run.status = 'done';
    writeFileSync(bad, JSON.stringify(broken));
    await page.getByLabel('Run file to import').setInputFiles(bad);
    await expect
      .poll(() => page.locator('.runs-error').textContent())
      .toContain('run.status: expected one of finished, stopped, diverged, running, got "done"');
    expect(await runCount(page)).toBe(count + 1);

    await page.screenshot({ path: 'test/artifacts/runs-light.png', fullPage: false });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test/artifacts/runs-dark.png', fullPage: false });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.runs-panel').screenshot({ path: 'test/artifacts/runs-390.png' });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a full disk in the run list and keeps the runs it had', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    // Test-only: the next IndexedDB put after `__failNextPut = true` throws what a full disk throws.
    await page.addInitScript(() => {
      type Put = (this: unknown, ...args: unknown[]) => unknown;
      const g = globalThis as unknown as {
        IDBObjectStore: { prototype: { put: Put } };
        __failNextPut?: boolean;
      };
      const put = g.IDBObjectStore.prototype.put;
      g.IDBObjectStore.prototype.put = function (this: unknown, ...args: unknown[]) {
        if (g.__failNextPut) {
          g.__failNextPut = false;
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return put.apply(this, args);
      };
    });
    await open(page);
    const before = await runCount(page);
    const names = await rows(page).locator('.run-name').allTextContents();
    await page.evaluate(() => ((globalThis as unknown as { __failNextPut?: boolean }).__failNextPut = true));
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Reset' }).click();
    const alert = page.locator('.runs-error[role="alert"]');
    await expect
      .poll(() => alert.textContent(), { timeout: 20_000 })
      .toMatch(/^Could not save the run ".*": the browser's storage for this site is full\. Delete old runs/);
    expect(await runCount(page)).toBe(before);
    await page.reload();
    await open(page);
    expect(await rows(page).locator('.run-name').allTextContents()).toEqual(names);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('resumes a run checkpointed while training, after a reload, from its step', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    // Many steps: a run that reached its `steps` is finished (kept, not checkpointed), and WASM is fast.
    await open(page, `#config=${encodeURIComponent(JSON.stringify({ steps: 10_000_000 }))}`);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(50);
    // The session checkpoints at least every 10 s of training: wait for one, then "crash" (reload).
    await page.waitForTimeout(12_000);
    await page.reload();
    await open(page);
    const resume = page.getByRole('button', { name: /^Resume run “.*” at step [\d,]+$/ });
    await expect(resume.textContent()).resolves.toMatch(/at step/);
    const at = Number(((await resume.textContent()) ?? '').match(/at step ([\d,]+)/)?.[1]?.replace(/,/g, ''));
    expect(at).toBeGreaterThan(50);
    await page.locator('.runs-resume').screenshot({ path: 'test/artifacts/runs-resume.png' });
    const count = await runCount(page);
    await resume.click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(at + 50);
    await expect.poll(() => page.locator('.runs-resume').count()).toBe(0);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Reset' }).click();
    // Kept as one run, its steps counted from the start of the interrupted run.
    await expect.poll(() => runCount(page), { timeout: 20_000 }).toBe(count + 1);
    const what = (await rows(page).first().locator('.run-what').textContent()) ?? '';
    expect(Number(what.match(/step ([\d,]+)/)?.[1]?.replace(/,/g, ''))).toBeGreaterThan(at + 50);
    expect(errors).toEqual([]);
    await page.close();
  });
});
