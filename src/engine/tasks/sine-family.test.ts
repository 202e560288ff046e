/** The sine family: the paper's ranges, determinism from the seed, fixed held-out sines, field-naming checks. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import { defaultParams } from '../params/spec';
import { Rng } from '../random/rng';
import { heldOutSines, sineFamilySuite, sineValue, type SineFamilyParams } from './sine-family';

const defaults = defaultParams(sineFamilySuite.params) as unknown as SineFamilyParams;
const small = { ...defaults, trainSines: 50, pointsPerSine: 4, testSines: 3, gridPoints: 5 };

describe('sine-family suite', () => {
  it('follows Finn et al.: a ∈ [0.1, 5], φ ∈ [0, π], x ∈ [−5, 5], K = 10, α = 0.01, 10 steps', () => {
    expect(defaults).toMatchObject({
      amplitudeMin: 0.1,
      amplitudeMax: 5,
      phaseMin: 0,
      phaseMax: 1,
      shots: 10,
      adaptLr: 0.01,
      adaptSteps: 10,
    });
    for (const s of heldOutSines(defaults)) {
      expect(s.amplitude).toBeGreaterThanOrEqual(0.1);
      expect(s.amplitude).toBeLessThanOrEqual(5);
      expect(s.phase).toBeGreaterThanOrEqual(0);
      expect(s.phase).toBeLessThanOrEqual(Math.PI);
      expect(s.shotsX).toHaveLength(10);
      s.shotsX.forEach((x, i) => expect(s.shotsY[i]).toBeCloseTo(sineValue(s.amplitude, s.phase, x), 5));
      expect(s.queryX[0]).toBe(-5);
      expect(s.queryX[s.queryX.length - 1]).toBe(5);
    }
  });

  it('pools the training sines into one task and the held-out curves into the test split', () => {
    const built = sineFamilySuite.build(small, new Rng(1));
    if (built.kind !== 'data' || built.train.mode !== 'shared' || built.test.mode !== 'shared')
      throw new Error('shape');
    expect(built.tasks).toHaveLength(1);
    expect(built.train.count).toBe(200);
    expect(built.test.count).toBe(15);
    const held = heldOutSines(small);
    expect(Array.from(built.test.y.slice(0, 5))).toEqual(Array.from(held[0]!.queryY));
    for (const x of built.train.x) expect(Math.abs(x)).toBeLessThanOrEqual(5);
  });

  it('draws the pool from the seed, the held-out sines from a fixed stream', () => {
    const a = sineFamilySuite.build(small, new Rng(1));
    const b = sineFamilySuite.build(small, new Rng(1));
    const c = sineFamilySuite.build(small, new Rng(2));
    if (a.kind !== 'data' || b.kind !== 'data' || c.kind !== 'data') throw new Error('shape');
    expect(a.train.mode === 'shared' && b.train.mode === 'shared' && Array.from(a.train.y)).toEqual(
      b.train.mode === 'shared' && Array.from(b.train.y),
    );
    expect(a.train.mode === 'shared' && c.train.mode === 'shared' && a.train.y[0] !== c.train.y[0]).toBe(
      true,
    );
    expect(a.test).toEqual(c.test);
  });

  it('names each bad field in one line', () => {
    const parse = (params: object) => {
      try {
        parseConfig({ task: { id: 'sine-family', params } });
        return [];
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return error.issues.map((i) => i.path);
      }
    };
    expect(parse({ amplitudeMin: 3, amplitudeMax: 2 })).toEqual(['task.params.amplitudeMax']);
    expect(parse({ phaseMin: 1, phaseMax: 0.5 })).toEqual(['task.params.phaseMax']);
    expect(parse({ shots: 0 })).toEqual(['task.params.shots']);
    expect(parse({})).toEqual([]);
  });
});
