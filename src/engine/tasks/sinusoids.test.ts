import { describe, expect, it } from 'vitest';
import { defaultParams, type AnyParams } from '../params/spec';
import { Rng } from '../random/rng';
import { sinusoidsSuite, sinusoidTasks } from './sinusoids';

function build(overrides: AnyParams) {
  const params = { ...defaultParams(sinusoidsSuite.params), ...overrides };
  const inst = sinusoidsSuite.build(params, new Rng(21));
  if (inst.kind !== 'data' || inst.train.mode !== 'shared') throw new Error('unexpected suite shape');
  return { ...inst.train, T: inst.tasks.length };
}

describe('sinusoids', () => {
  it('phase spread 0 and ratio 1 give identical clean targets for every task', () => {
    const { x, y, count, T } = build({ numTasks: 4, phaseSpread: 0, amplitudeRatio: 1, noise: 0 });
    for (let n = 0; n < count; n++) {
      expect(y[n * T]).toBeCloseTo(Math.sin(x[n]!), 6);
      for (let t = 1; t < T; t++) expect(y[n * T + t]).toBe(y[n * T]);
    }
  });

  it('phase spread 1 makes the last task the negative of the first', () => {
    const { y, count, T } = build({ numTasks: 3, phaseSpread: 1, noise: 0 });
    for (let n = 0; n < count; n++) expect(y[n * T + 2]).toBeCloseTo(-y[n * T]!, 5);
  });

  it('targets follow a_t sin(x + φ_t) with geometric amplitudes', () => {
    const tasks = sinusoidTasks(3, 0.5, 4);
    expect(tasks.map((t) => t.amplitude)).toEqual([1, 2, 4]);
    expect(tasks.map((t) => t.phase)).toEqual([0, Math.PI / 4, Math.PI / 2]);
    const { x, y, count, T } = build({ numTasks: 3, phaseSpread: 0.5, amplitudeRatio: 4, noise: 0 });
    for (let n = 0; n < count; n++) {
      tasks.forEach(({ amplitude, phase }, t) =>
        expect(y[n * T + t]).toBeCloseTo(amplitude * Math.sin(x[n]! + phase), 5),
      );
    }
  });

  it('inputs lie in [-5, 5] and the noise has the stated std', () => {
    const clean = build({ noise: 0, trainSamples: 5000 });
    const noisy = build({ noise: 0.3, trainSamples: 5000 });
    expect(clean.x.every((v) => v >= -5 && v <= 5)).toBe(true);
    // Same seed: same inputs; the difference is the noise alone.
    expect(noisy.x).toEqual(clean.x);
    let ss = 0;
    for (let i = 0; i < clean.y.length; i++) ss += (noisy.y[i]! - clean.y[i]!) ** 2;
    expect(Math.sqrt(ss / clean.y.length)).toBeCloseTo(0.3, 1);
  });
});
