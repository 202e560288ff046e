/**
 * The shipped examples learn (issue 14, own data), trained from their presets as the app and the CLI run
 * them (the Node test setup reads public/data/ through the CSV loader): penguin species and sex from four
 * body measurements, and a car's fuel consumption (regression) and origin from its specifications.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/parse';
import { createTrainer } from '../../train/trainer';

async function trainPreset(name: string) {
  const raw = JSON.parse(
    readFileSync(new URL(`../../../../public/presets/${name}.json`, import.meta.url), 'utf8'),
  ) as object;
  const config = parseConfig(raw);
  const trainer = createTrainer(config);
  try {
    await trainer.step(config.steps);
    return { report: await trainer.report(), info: trainer.info };
  } finally {
    trainer.dispose();
  }
}

describe('csv examples train', () => {
  it('penguins: species and sex at 85% test accuracy or better', async () => {
    const { report, info } = await trainPreset('penguins');
    expect(info.tasks.map((t) => t.classNames)).toEqual([
      ['Adelie', 'Chinstrap', 'Gentoo'],
      ['FEMALE', 'MALE'],
    ]);
    for (const task of report.tasks) expect(task.testMetric, task.name).toBeGreaterThanOrEqual(0.85);
  });

  it('cars: miles per gallon at test R² 0.6 or better, in standardised units with the scale reported', async () => {
    const { report, info } = await trainPreset('cars');
    const mpg = report.tasks[0]!;
    expect(mpg.name).toBe('Miles_per_Gallon');
    expect(mpg.testMetric).toBeGreaterThanOrEqual(0.6);
    // The train rows' mean and std of miles per gallon (the whole file: 23.5 ± 7.8).
    expect(info.tasks[0]?.targetScale?.mean).toBeGreaterThan(21);
    expect(info.tasks[0]?.targetScale?.mean).toBeLessThan(26);
    expect(info.tasks[1]?.classNames).toEqual(['Europe', 'Japan', 'USA']);
    expect(report.tasks[1]?.testMetric).toBeGreaterThan(0.6);
  });
});
