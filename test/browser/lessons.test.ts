/**
 * Lessons in the built app (issue 13), in headless Chromium on WASM: a first visit opens on the lesson cards
 * with the default experiment ready to train; a card opens its lesson in Training (its setup applied, the
 * player beside the charts); "Do it" applies a step's `set` (the config shown changes) and trains; Next and
 * Back move through the steps and the address follows. Screenshots (light, dark, 390 px wide) go to
 * test/artifacts/ for a person to look at. Reads the real lesson public/lessons/cagrad-toy.json.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/engine/lessons/types';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

const browser = browserForFile({ webgpu: false });
const ART = 'test/artifacts';
const lesson = JSON.parse(readFileSync('public/lessons/cagrad-toy.json', 'utf8')) as Lesson;
const setOf = (i: number) => lesson.steps[i]?.set ?? {};

/** The experiment the address holds (`...&config=<JSON>`). */
const configOf = (page: Page) => {
  const hash = new URL(page.url()).hash;
  const part = hash.split('&').find((p) => p.replace(/^#/, '').startsWith('config=')) ?? '';
  return JSON.parse(decodeURIComponent(part.replace(/^#?config=/, '')) || '{}') as Record<string, unknown>;
};

async function firstVisit(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${browser.server.url}?backend=wasm`);
  await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
  return { page, errors };
}

const player = (page: Page) => page.getByRole('region', { name: 'Lesson' });
const stepCount = (page: Page) => player(page).locator('.lesson-step-count').textContent();

describe('lessons', () => {
  it('a first visit shows the lesson cards, with the default experiment ready to train', async () => {
    const { page, errors } = await firstVisit();
    expect(await page.getByRole('tab', { name: 'Lessons' }).getAttribute('aria-selected')).toBe('true');
    const cards = page.locator('.lesson-card');
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const first = cards.first();
    expect(await first.getByRole('heading').textContent()).toBe(lesson.title);
    expect(await first.textContent()).toContain(lesson.finding);
    expect(await first.getByRole('link').getAttribute('href')).toBe(lesson.paper.url);
    expect(await page.getByRole('button', { name: 'Train', exact: true }).isEnabled()).toBe(true);
    await page.screenshot({ path: `${ART}/lessons-cards-light-1280x800.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${ART}/lessons-cards-dark-1280x800.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    // Train from the cards: training starts and the Training tab (with the charts) opens.
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.getByRole('tab', { name: 'Training' }).getAttribute('aria-selected')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a lesson from its card and steps through it: Do it changes the config shown and trains', async () => {
    const { page, errors } = await firstVisit();
    await page.getByRole('button', { name: `Start lesson: ${lesson.title}` }).click();
    await expect.poll(() => stepCount(page), { timeout: 30_000 }).toMatch(`Step 1 of ${lesson.steps.length}`);
    expect(await page.getByRole('tab', { name: 'Training' }).getAttribute('aria-selected')).toBe('true');
    // The lesson's setup is the experiment now, and the address names the lesson and its step.
    const task = page.getByLabel('Task suite', { exact: true });
    await expect.poll(() => task.inputValue(), { timeout: 30_000 }).toBe('toy');
    const method = page.getByLabel('Method', { exact: true });
    expect(await method.inputValue()).toBe('cagrad');
    expect(new URL(page.url()).hash).toMatch(/^#lesson=cagrad-toy&step=1&config=/);
    expect(await player(page).textContent()).toContain(lesson.paper.cite);
    // The introduction (lessons/cagrad-toy.md) is rendered Markdown, open at the first step.
    const intro = player(page).locator('.lesson-intro');
    await expect
      .poll(() => intro.getByRole('heading', { name: 'Why this matters' }).count(), { timeout: 30_000 })
      .toBe(1);
    expect(await intro.locator('strong').first().textContent()).toBe('where training ends');

    // Step 1: "Do it and train" applies the step's method and starts training.
    expect(setOf(0)['method.id']).toBe('ew');
    await player(page)
      .getByRole('button', { name: /^Do it/ })
      .click();
    await expect.poll(() => method.inputValue(), { timeout: 30_000 }).toBe('ew');
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await player(page).locator('.lesson-done').count()).toBe(1);
    await page.screenshot({ path: `${ART}/lesson-player-light-1280x800.png` });

    // Step 2: Next, then Do it: MGDA, live (the run goes on).
    await player(page).getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => stepCount(page)).toMatch(`Step 2 of ${lesson.steps.length}`);
    expect(new URL(page.url()).hash).toMatch(/^#lesson=cagrad-toy&step=2&/);
    expect(await player(page).textContent()).toContain('MGDA');
    await player(page)
      .getByRole('button', { name: /^Do it/ })
      .click();
    await expect.poll(() => method.inputValue(), { timeout: 30_000 }).toBe(setOf(1)['method.id']);
    expect((configOf(page).method as { id: string }).id).toBe('mgda');

    // A reload reopens the lesson at its step over the experiment the address holds (not the setup again).
    await page.reload();
    await expect.poll(() => stepCount(page), { timeout: 60_000 }).toMatch(`Step 2 of ${lesson.steps.length}`);
    await expect.poll(() => method.inputValue(), { timeout: 30_000 }).toBe('mgda');

    // Back returns to step 1 (its change stays made: the step says done).
    await player(page).getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => stepCount(page)).toMatch(/Step 1 of \d+ · done ✓/);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${ART}/lesson-player-dark-1280x800.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${ART}/lesson-player-dark-390x844.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${ART}/lesson-player-light-390x844.png`, fullPage: true });

    // The last step shows what to notice, the question and the numbers to expect.
    await page.setViewportSize({ width: 1280, height: 800 });
    for (let i = 1; i < lesson.steps.length; i++)
      await player(page).getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => stepCount(page)).toMatch(`Step ${lesson.steps.length} of ${lesson.steps.length}`);
    const outcome = player(page).locator('.lesson-outcome');
    expect(await outcome.getAttribute('open')).not.toBeNull();
    expect(await outcome.textContent()).toContain(lesson.question);
    expect(await player(page).getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);

    // Close: the player goes, the experiment stays.
    await player(page).getByRole('button', { name: 'Close the lesson' }).click();
    expect(await player(page).count()).toBe(0);
    expect(await method.inputValue()).toBe('mgda');
    expect(errors).toEqual([]);
    await page.close();
  });
});
