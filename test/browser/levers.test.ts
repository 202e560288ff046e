/**
 * The "More levers" panel (ui/panels/LeversSection.tsx): the optional config sections from their cards,
 * folded until one is on. Choosing a compressor puts the section into the experiment (and the link), its
 * parameter form appears, the chart it declares appears; meta-learners are offered only where they fit;
 * "None" takes the section out again. Screenshots in light and dark, and at phone width, to look at.
 */
import { describe, expect, it } from 'vitest';
import { browserForFile, collectErrors, statusLine } from './harness';

const env = browserForFile({ webgpu: false });

describe('More levers panel', () => {
  it('turns a compressor on and off from its card, and offers only the levers that fit', async () => {
    const page = await env.context.newPage();
    const errors = collectErrors(page);
    await page.goto(env.server.url);
    await expect.poll(() => statusLine(page).textContent(), { timeout: 60_000 }).toMatch(/Step 0/);
    // A first visit opens on the lessons; the charts are on the Training tab.
    await page.getByRole('tab', { name: 'Training' }).click();
    const levers = page.locator('details.levers');
    expect(await levers.getAttribute('open')).toBeNull();
    await levers.locator('summary').click();
    const compression = page.getByLabel('Simulated workers and gradient compression');
    await compression.selectOption({ label: 'Top-k sparsification' });
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/"communication":\{"id":"top-k"/);
    // Its parameter form, generated from the card, and the chart the card declares.
    await expect
      .poll(() => levers.locator('[data-section="communication"] .field').count())
      .toBeGreaterThan(1);
    await expect
      .poll(() => page.locator('[data-chart="communication"]').count(), { timeout: 30_000 })
      .toBe(1);
    // The default experiment is not a family of tasks: no meta-learner fits it.
    const meta = page.getByLabel('Meta-learning');
    const disabled = await meta.locator('option[disabled]').allTextContents();
    expect(disabled).toEqual(['MAML', 'First-order MAML', 'Reptile']);
    await levers.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test/artifacts/levers-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test/artifacts/levers-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    // "None" removes the section: the link and the charts are as before.
    await compression.selectOption({ label: 'None' });
    await expect.poll(() => decodeURIComponent(page.url())).not.toMatch(/communication/);
    await expect.poll(() => page.locator('[data-chart="communication"]').count()).toBe(0);
    // At phone width the controls fold behind a button; the panel reads there too.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Show controls' }).click();
    // With every section off again the panel is folded: open it.
    await levers.locator('summary').click();
    await compression.selectOption({ label: '1-bit sign (scaled)' });
    await levers.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test/artifacts/levers-phone.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
