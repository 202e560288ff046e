import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/spec';
import { Rng } from '../random/rng';
import { PATTERN_LABEL, PATTERNS, playground2dSuite, type Pattern } from './playground-2d';

function build(patterns: Pattern[], labelNoise: number[] = [], trainSamples = 4000) {
  const params = { ...defaultParams(playground2dSuite.params), patterns, labelNoise, trainSamples };
  const inst = playground2dSuite.build(params, new Rng(31));
  if (inst.kind !== 'data' || inst.train.mode !== 'shared' || inst.test.mode !== 'shared')
    throw new Error('unexpected suite shape');
  return { ...inst.train, tasks: inst.tasks, test: inst.test };
}

describe('playground-2d', () => {
  it('declares a 48² decision boundary over exactly the box its samples come from, [-6, 6]²', () => {
    const params = defaultParams(playground2dSuite.params);
    expect(playground2dSuite.views?.(params)).toEqual([
      {
        kind: 'decision-boundary',
        bounds: [
          [-6, 6],
          [-6, 6],
        ],
        gridSize: 48,
      },
    ]);
    const inst = playground2dSuite.build(params, new Rng(2));
    if (inst.kind !== 'data') throw new Error('playground-2d is a data suite');
    expect(inst.inputBounds).toEqual([
      [-6, 6],
      [-6, 6],
    ]);
  });

  it('one task per pattern, BCE on logits with accuracy, inputs in [-6, 6]²', () => {
    const { x, tasks } = build(['circle', 'xor', 'circle']);
    expect(tasks.map((t) => t.name)).toEqual(['circle', 'xor', 'circle (3)']);
    expect(tasks.every((t) => t.loss === 'bce-logits' && t.metric === 'accuracy')).toBe(true);
    expect(x.every((v) => v >= -6 && v <= 6)).toBe(true);
  });

  it.each(PATTERNS)('%s: labels are 0/1, balanced-ish and follow the rule', (pattern) => {
    const { x, y, count } = build([pattern]);
    let positives = 0;
    for (let n = 0; n < count; n++) {
      const label = y[n]!;
      expect(label).toBe(PATTERN_LABEL[pattern](x[2 * n]!, x[2 * n + 1]!));
      positives += label;
    }
    expect(positives / count).toBeGreaterThan(0.4);
    expect(positives / count).toBeLessThan(0.6);
  });

  it('the rules label known points as Playground does', () => {
    const L = PATTERN_LABEL;
    expect([L.circle(0, 1), L.circle(5, 5)]).toEqual([1, 0]);
    expect([L.xor(2, 3), L.xor(-2, -3), L.xor(-2, 3)]).toEqual([1, 1, 0]);
    expect([L.plane(1, 0), L.plane(-1, -0.5)]).toEqual([1, 0]);
    // Six Gaussians: (-4, 2.5) and (0, -2.5) positive, (0, 2.5) and (4, -2.5) negative.
    expect([L.gauss(-4, 2), L.gauss(0, -3), L.gauss(0.5, 2), L.gauss(5, -1)]).toEqual([1, 1, 0, 0]);
    // Playground's spiral arms: point i has r = 5s, t = 3.5π s (+ π for the negative arm), at (r sin t, r cos t).
    for (let s = 0.05; s < 1; s += 0.05) {
      const r = 5 * s;
      const t = 3.5 * Math.PI * s;
      expect(L.spiral(r * Math.sin(t), r * Math.cos(t))).toBe(1);
      expect(L.spiral(r * Math.sin(t + Math.PI), r * Math.cos(t + Math.PI))).toBe(0);
    }
  });

  it('the default pair is partly conflicting: the labels agree on about half the points', () => {
    const { y, count } = build(['xor', 'gauss']);
    let agree = 0;
    for (let n = 0; n < count; n++) agree += y[2 * n] === y[2 * n + 1] ? 1 : 0;
    expect(agree / count).toBeGreaterThan(0.4);
    expect(agree / count).toBeLessThan(0.6);
  });

  it.each([0.1, 0.3])('label noise %s flips that fraction of training labels, per task', (noise) => {
    const clean = build(['circle', 'spiral'], [], 10_000);
    const noisy = build(['circle', 'spiral'], [noise, noise / 2], 10_000);
    expect(noisy.x).toEqual(clean.x);
    [noise, noise / 2].forEach((level, t) => {
      let flips = 0;
      for (let n = 0; n < clean.count; n++) flips += clean.y[2 * n + t] === noisy.y[2 * n + t] ? 0 : 1;
      expect(flips).toBe(Math.round(level * clean.count));
    });
    // Test labels stay clean, so the test loss shows the harm.
    expect(noisy.test.y).toEqual(clean.test.y);
  });
});
