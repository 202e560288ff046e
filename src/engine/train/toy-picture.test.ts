/**
 * The CAGrad paper's toy picture (Liu et al., NeurIPS 2021, Fig. 1): from (-8.5, 7.5) and (9, 9), CAGrad
 * (c = 0.5) ends near the minimum of the mean loss (0, -8.355), while MGDA and PCGrad stop wherever they
 * first reach the Pareto set (θ1 in [-7, 7], θ2 ≈ -8.355), away from the middle. The paper runs Adam at
 * lr 1e-3 for up to 100,000 steps (the CLI preset public/presets/toy.json does exactly that); this test
 * uses lr 1e-2 for 10,000 steps, which reaches the same end points.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { TOY_PARETO } from '../tasks/toy';
import { createTrainer } from './trainer';

async function endPoints(method: Record<string, unknown>): Promise<number[][]> {
  const trainer = createTrainer(
    parseConfig({
      task: {
        id: 'toy',
        params: {
          starts: [
            [-8.5, 7.5],
            [9, 9],
          ],
        },
      },
      method,
      learningRate: 0.01,
      steps: 10_000,
      reportEvery: 10_000,
    }),
  );
  await trainer.step(10_000);
  const report = await trainer.report();
  trainer.dispose();
  return (report.points ?? []).map((p) => p.theta);
}

const [, paretoTheta2] = TOY_PARETO.meanLossMinimum;

describe('the CAGrad toy reproduces the paper picture', () => {
  it('CAGrad (c = 0.5) ends near the mean-loss minimum from both starts', async () => {
    for (const [x, y] of await endPoints({ id: 'cagrad', params: { c: 0.5 } })) {
      expect(Math.abs(x as number)).toBeLessThan(0.3);
      expect(Math.abs((y as number) - paretoTheta2)).toBeLessThan(0.5);
    }
  });

  for (const id of ['mgda', 'pcgrad']) {
    it(`${id} stops on the Pareto set, away from the mean-loss minimum`, async () => {
      const points = await endPoints({ id });
      for (const [x, y] of points) {
        expect(x as number).toBeGreaterThan(TOY_PARETO.theta1Range[0]);
        expect(x as number).toBeLessThan(TOY_PARETO.theta1Range[1]);
        expect(Math.abs(x as number)).toBeGreaterThan(1.5);
        expect(Math.abs((y as number) - TOY_PARETO.theta2)).toBeLessThan(0.25);
      }
      // The start on the left ends on the left half of the set, the one on the right on the right half.
      expect(points[0]?.[0]).toBeLessThan(0);
      expect(points[1]?.[0]).toBeGreaterThan(0);
    });
  }
});
