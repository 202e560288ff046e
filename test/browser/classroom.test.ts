/**
 * Classroom mode in the built app (issue 13), in headless Chromium on WASM: a teacher's link opens a lesson
 * at a step and hides and locks what it says; "Share this view" builds such a link; an embed shows one chart
 * or the lesson alone; the keyboard shortcuts (space, s, r, ?) drive the run and never fire while typing.
 * Reads the real lesson public/lessons/cagrad-toy.json.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/engine/lessons/types';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

const browser = browserForFile({ webgpu: false });
const ART = 'test/artifacts';
const lesson = JSON.parse(readFileSync('public/lessons/cagrad-toy.json', 'utf8')) as Lesson;

async function open(hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${browser.server.url}?backend=wasm${hash}`);
  await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
  return { page, errors };
}

/** The experiment the address holds (`...&config=<JSON>`). */
const configOf = (page: Page) => {
  const part = new URL(page.url()).hash.split('&').find((p) => p.replace(/^#/, '').startsWith('config='));
  return JSON.parse(decodeURIComponent((part ?? '').replace(/^#?config=/, '')) || '{}') as {
    method?: { id: string };
  };
};

const player = (page: Page) => page.getByRole('region', { name: 'Lesson' });

describe('classroom links', () => {
  it('open a lesson at a step, hide the named parts and lock the named fields', async () => {
    const { page, errors } = await open('#lesson=cagrad-toy&step=2&hide=method,isolation,loss&lock=task');
    await expect
      .poll(() => player(page).locator('.lesson-step-count').textContent(), { timeout: 30_000 })
      .toMatch(`Step 2 of ${lesson.steps.length}`);
    // Step 2 opens as the student would have it there: the setup, then step 1's change (EW), not step 2's.
    // (EW is the toy's default method, so the address leaves it out; the setup's CAGrad would be written.)
    await expect.poll(() => configOf(page).method?.id ?? 'ew', { timeout: 30_000 }).toBe('ew');
    expect(await page.locator('.app-header').textContent()).toContain('Equal weights');
    expect(new URL(page.url()).hash).toMatch(
      /^#lesson=cagrad-toy&step=2&hide=method,isolation,loss&lock=task&config=/,
    );
    // Hidden: the Method and isolation sections, and the loss chart (the others draw).
    expect(await page.getByLabel('Method', { exact: true }).count()).toBe(0);
    expect(await page.locator('[data-part="isolation"]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-chart]').count(), { timeout: 30_000 }).toBeGreaterThan(2);
    expect(await page.locator('[data-chart="loss"]').count()).toBe(0);
    // Locked: the task fields are shown but disabled, with a note; the presets (which would change it) are gone.
    const suite = page.getByLabel('Task suite', { exact: true });
    expect(await suite.inputValue()).toBe('toy');
    expect(await suite.isDisabled()).toBe(true);
    expect(await page.locator('[data-locked="task"] .lock-note').textContent()).toMatch(
      /Locked by this link/,
    );
    expect(await page.getByLabel('Load a preset experiment').count()).toBe(0);
    // Not locked: the architecture can still change.
    expect(await page.getByLabel('Architecture', { exact: true }).isDisabled()).toBe(false);
    await page.screenshot({ path: `${ART}/classroom-link-light-1280x800.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('name what they cannot use in one line and keep the rest', async () => {
    const { page, errors } = await open('#lesson=no-such-lesson&hide=method,bogus&lock=colour');
    const notice = page.locator('.banner-notice');
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toMatch(/hide=bogus names nothing/);
    expect(await notice.textContent()).toMatch(/lock=colour names no field \(accepted: task, architecture/);
    await expect
      .poll(() => page.locator('.lesson-error').textContent(), { timeout: 30_000 })
      .toMatch(/There is no lesson 'no-such-lesson'; the lessons are: cagrad-toy/);
    expect(await page.getByLabel('Method', { exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('apply when pasted into the address of an open page', async () => {
    const { page, errors } = await open('');
    await page.evaluate("window.location.hash = '#lesson=cagrad-toy&step=4&hide=weights'");
    await expect
      .poll(() => player(page).locator('.lesson-step-count').textContent(), { timeout: 30_000 })
      .toMatch(`Step 4 of ${lesson.steps.length}`);
    expect(await page.getByRole('tab', { name: 'Training' }).getAttribute('aria-selected')).toBe('true');
    // The setup and steps 1-3 applied: step 3 chose PCGrad.
    await expect.poll(() => page.getByLabel('Method', { exact: true }).inputValue()).toBe('pcgrad');
    await expect.poll(() => page.locator('[data-chart]').count(), { timeout: 30_000 }).toBeGreaterThan(2);
    expect(await page.locator('[data-chart="weights"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Share this view" builds the link from the lesson, its step and the parts chosen', async () => {
    const { page, errors } = await open('#lesson=cagrad-toy&step=3');
    await expect
      .poll(() => player(page).locator('.lesson-step-count').textContent(), { timeout: 30_000 })
      .toMatch('Step 3 of');
    await page.getByRole('button', { name: 'Share this view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this view' });
    const hide = dialog.getByRole('group', { name: 'Hide', exact: true });
    await hide.getByRole('checkbox', { name: 'Method and its settings' }).check();
    await hide.getByRole('checkbox', { name: 'Run list' }).check();
    await dialog
      .getByRole('group', { name: 'Lock (shown, not changeable)' })
      .getByRole('checkbox', { name: 'Task suite and its settings' })
      .check();
    const link = await dialog.getByLabel('The link').inputValue();
    const hash = new URL(link).hash;
    expect(hash).toBe('#lesson=cagrad-toy&step=3&hide=method,runs&lock=task');
    await dialog.getByRole('radio', { name: 'One chart:' }).check();
    await dialog.getByLabel('Chart to embed').selectOption('landscape');
    expect(new URL(await dialog.getByLabel('The link').inputValue()).hash).toBe(
      '#lesson=cagrad-toy&step=3&hide=method,runs&lock=task&embed=chart:landscape',
    );
    await page.screenshot({ path: `${ART}/classroom-share-light-1280x800.png` });
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The link opens what it says.
    const opened = await open(hash);
    await expect
      .poll(() => opened.page.locator('.lesson-step-count').textContent(), { timeout: 30_000 })
      .toMatch('Step 3 of');
    expect(await opened.page.getByLabel('Method', { exact: true }).count()).toBe(0);
    expect(await opened.page.locator('[data-part="runs"]').count()).toBe(0);
    expect(await opened.page.getByLabel('Task suite', { exact: true }).isDisabled()).toBe(true);
    expect([...errors, ...opened.errors]).toEqual([]);
    await page.close();
    await opened.page.close();
  });

  it('embed one chart, or the lesson alone, for a course page', async () => {
    const { page, errors } = await open('#lesson=cagrad-toy&step=1&embed=chart:landscape');
    await expect.poll(() => page.locator('[data-chart]').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('[data-chart="landscape"]').count()).toBe(1);
    expect(await page.locator('aside.controls').count()).toBe(0);
    expect(await page.getByRole('tablist').count()).toBe(0);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.setViewportSize({ width: 720, height: 640 });
    await page.screenshot({ path: `${ART}/classroom-embed-chart-720x640.png` });

    const lessonOnly = await open('#lesson=cagrad-toy&step=1&embed=lesson');
    await expect
      .poll(() => player(lessonOnly.page).locator('.lesson-step-count').textContent(), { timeout: 30_000 })
      .toMatch('Step 1 of');
    expect(await lessonOnly.page.locator('aside.controls').count()).toBe(0);
    expect(await player(lessonOnly.page).getByRole('button', { name: 'Close the lesson' }).count()).toBe(0);
    expect(
      await lessonOnly.page.getByRole('link', { name: 'open the whole page' }).getAttribute('href'),
    ).not.toMatch(/embed=/);
    await lessonOnly.page.setViewportSize({ width: 720, height: 640 });
    await lessonOnly.page.screenshot({ path: `${ART}/classroom-embed-lesson-720x640.png` });
    expect([...errors, ...lessonOnly.errors]).toEqual([]);
    await page.close();
    await lessonOnly.page.close();
  });
});

describe('keyboard shortcuts', () => {
  it('space trains and pauses, s steps once, r resets, ? opens the help; none fires while typing', async () => {
    const hash = `#config=${encodeURIComponent(JSON.stringify({ task: { id: 'toy' }, reportEvery: 10 }))}`;
    const { page, errors } = await open(hash);
    // A returning user (an experiment in the link) lands on Training.
    expect(await page.getByRole('tab', { name: 'Training' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Space');
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(20);
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(() => statusLine(page).textContent(), { timeout: 30_000 }).toMatch(/paused/);
    const paused = await stepOf(page);
    await page.keyboard.press('s');
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBe(paused + 1);
    await page.keyboard.press('r');
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBe(0);

    // Typing in a field: the keys are text, not commands.
    const rate = page.getByLabel('Learning rate', { exact: true });
    await rate.click();
    await page.keyboard.press('s');
    await page.keyboard.press('r');
    await page.keyboard.press('Space');
    await page.keyboard.press('?');
    expect(await stepOf(page)).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await rate.press('Escape');
    await page.locator('h1').click();

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor({ timeout: 10_000 });
    const rows = await help.locator('tr').allTextContents();
    expect(rows.slice(0, 4)).toEqual([
      'SpaceTrain, or pause the training',
      'STake one training step (while paused)',
      'RReset: start the run again from new weights',
      '?Show or hide this list',
    ]);
    // While the list is open, space does not start a run.
    await page.keyboard.press('Space');
    expect(await stepOf(page)).toBe(0);
    await page.screenshot({ path: `${ART}/classroom-help-light-1280x800.png` });
    await page.keyboard.press('Escape');
    expect(await help.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
