/**
 * Task grouping in the built app (headless Chromium, WASM): the task-grouping preset's experiment trained
 * a short while measures the affinity; the heatmap suggests the two latent pairs, and "Compare this
 * grouping" starts the study of all together / the pairs / all separate in the Studies tab, whose table
 * then has a row per grouping. Screenshots of the heatmap (light, dark) go to test/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserForFile, collectErrors, statusLine, stepOf } from './harness';

const browser = browserForFile({ webgpu: false });

const preset = JSON.parse(readFileSync('public/presets/task-grouping.json', 'utf8')) as Record<
  string,
  unknown
>;
/** The preset with a short study budget: the comparison trains 200 steps a run (9 runs). */
const config = { ...preset, steps: 200, reportEvery: 50 };

describe('task grouping', () => {
  it('suggests 1+2 | 3+4 under the affinity heatmap and compares it in the Studies tab', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(
      `${browser.server.url}?backend=wasm#config=${encodeURIComponent(JSON.stringify(config))}`,
    );
    await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    // The app trains on until paused: pause once the affinity has some 40 samples.
    await expect.poll(() => stepOf(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(200);
    await page.getByRole('button', { name: 'Pause' }).click();
    const card = page.locator('[data-chart="affinity"]');
    await expect.poll(() => card.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
    const suggestion = card.locator('[data-grouping]');
    await expect.poll(() => suggestion.getAttribute('data-grouping'), { timeout: 10_000 }).toBe('1+2 | 3+4');
    // A budget of one group leaves only all together; back to two.
    const budget = card.getByLabel('Most groups (networks) allowed');
    await budget.selectOption('1');
    await expect.poll(() => suggestion.getAttribute('data-grouping')).toBe('1+2+3+4');
    await budget.selectOption('2');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: 'test/artifacts/task-grouping-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await card.screenshot({ path: 'test/artifacts/task-grouping-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });

    await card.getByRole('button', { name: 'Compare this grouping' }).click();
    await page.locator('.study-table').waitFor({ timeout: 300_000 });
    const rows = await page.locator('.study-table tr[data-group]').all();
    const groups = await Promise.all(rows.map((r) => r.getAttribute('data-group')));
    expect(groups).toEqual([
      'architecture.params.groups=[0,0,0,0]',
      'architecture.params.groups=[0,0,1,1]',
      'architecture.params.groups=[0,1,2,3]',
    ]);
    await page.screenshot({ path: 'test/artifacts/task-grouping-study.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
