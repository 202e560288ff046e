/**
 * The finding the two merging presets show (docs/model-merging.md), on their exact configs (seed 1, WASM,
 * as the CLI runs them): from a shared warm start, two specialists of the same task have task vectors that
 * point the same way and average into a model as good as either; two conflicting tasks (gauss, plane)
 * have nearly orthogonal task vectors with half their signs in conflict, and their average loses the gauss
 * task that the joint model, trained at the same budget, keeps.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../../backend/node';
import { parseConfig } from '../config/parse';
import { createTrainer } from '../train/trainer';
import type { MergingReport } from './report';
import { createMergeTrainer } from './trainer';

async function runPreset(file: string, warmupSteps?: number): Promise<MergingReport> {
  const raw = JSON.parse(
    readFileSync(new URL(`../../../public/presets/${file}`, import.meta.url), 'utf8'),
  ) as { merging: { params: Record<string, number> } };
  if (warmupSteps !== undefined) raw.merging.params.warmupSteps = warmupSteps;
  const config = parseConfig(raw);
  const trainer = createMergeTrainer(config, {}, createTrainer);
  try {
    await trainer.step(config.steps);
    return (await trainer.report()).merging!;
  } finally {
    trainer.dispose();
  }
}

const all = (r: MergingReport) => r.interference.find((l) => l.layer === 'all')!;

describe('merging presets: related tasks merge, conflicting ones do not', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });
  afterAll(async () => {
    await initNodeBackend('cpu');
  });

  it('the same task twice: the average is as good as each specialist', async () => {
    const r = await runPreset('merging-same-task.json');
    for (const t of r.tasks) {
      expect(t.specialist.metric).toBeGreaterThan(0.95);
      expect(Math.abs(t.merged.metric - t.specialist.metric)).toBeLessThan(0.02);
    }
    expect(all(r).cosine[0]![1]).toBeGreaterThan(0.8);
    expect(all(r).signConflict).toBeLessThan(0.2);
  });

  it('gauss and plane: the average loses gauss, the joint model keeps it', async () => {
    const r = await runPreset('merging-conflicting.json');
    const [gauss] = r.tasks;
    expect(gauss!.specialist.metric).toBeGreaterThan(0.95);
    expect(gauss!.joint.metric).toBeGreaterThan(0.95);
    expect(gauss!.joint.metric - gauss!.merged.metric).toBeGreaterThan(0.15);
    expect(Math.abs(all(r).cosine[0]![1]!)).toBeLessThan(0.2);
    expect(all(r).signConflict).toBeGreaterThan(0.4);
  });

  it('without the warm start even the same task twice does not average well', async () => {
    const r = await runPreset('merging-same-task.json', 0);
    expect(all(r).cosine[0]![1]).toBeLessThan(0.3);
    for (const t of r.tasks) expect(t.specialist.metric - t.merged.metric).toBeGreaterThan(0.1);
  });
});
