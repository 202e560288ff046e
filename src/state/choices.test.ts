import { describe, expect, it } from 'vitest';
import { ARCHITECTURE_CARDS } from '../engine/architectures/catalogue';
import { parseConfig } from '../engine/config/parse';
import { SAMPLERS } from '../engine/sampling/registry';
import { SECTIONS } from '../engine/config/sections';
import { unfitChoices, unfitSectionChoices, withTaskSuite } from './choices';

const architectures = ARCHITECTURE_CARDS.map((a) => a.id);
const samplers = SAMPLERS.map((s) => s.id);

describe('unfitChoices (the validator decides)', () => {
  it('refuses the point architecture for a data suite, and every other for an objective suite', () => {
    expect([...unfitChoices(parseConfig({}), 'architecture', architectures)]).toEqual(['point']);
    const toy = parseConfig({ task: { id: 'toy' } });
    expect([...unfitChoices(toy, 'architecture', architectures)].sort()).toEqual(
      architectures.filter((id) => id !== 'point').sort(),
    );
  });

  it('refuses every sampling strategy but mixed batches where there are no samples', () => {
    const toy = parseConfig({ task: { id: 'toy' } });
    expect(unfitChoices(toy, 'sampling', samplers)).toEqual(new Set(samplers.filter((id) => id !== 'mixed')));
    expect(unfitChoices(parseConfig({}), 'sampling', samplers)).toEqual(new Set());
  });

  it('does not count a choice whose only problem is elsewhere (its own parameters take defaults)', () => {
    const config = parseConfig({ learningRate: 0.01 });
    expect(unfitChoices(config, 'method', ['ew', 'pcgrad', 'static', 'cagrad'])).toEqual(new Set());
  });
});

describe('unfitSectionChoices (the optional sections)', () => {
  const ids = (key: keyof typeof SECTIONS) => SECTIONS[key].cards().map((c) => c.id);

  it('offers every step lever and merge on the default experiment, and meta-learning only on a family', () => {
    const config = parseConfig({});
    expect(unfitSectionChoices(config, 'communication', ids('communication'))).toEqual(new Set());
    expect(unfitSectionChoices(config, 'embeddingCache', ids('embeddingCache'))).toEqual(new Set());
    expect(unfitSectionChoices(config, 'merging', ids('merging'))).toEqual(new Set());
    expect(unfitSectionChoices(config, 'meta', ids('meta'))).toEqual(new Set(['maml', 'fomaml', 'reptile']));
  });

  it('refuses the embedding cache without a shared dense bottom, and every other lever beside a procedure', () => {
    const mmoe = parseConfig({ architecture: { id: 'mmoe' } });
    expect(unfitSectionChoices(mmoe, 'embeddingCache', ids('embeddingCache'))).toEqual(
      new Set(['bottom-cache']),
    );
    const maml = parseConfig({ task: { id: 'sine-family' }, meta: { id: 'maml' } });
    for (const key of ['communication', 'embeddingCache', 'merging'] as const)
      expect(unfitSectionChoices(maml, key, ids(key))).toEqual(
        new Set(ids(key).filter((id) => id !== 'none')),
      );
  });
});

describe('withTaskSuite', () => {
  it('keeps what still fits and lets the new suite default the rest', () => {
    const run = parseConfig({ method: { id: 'pcgrad' }, learningRate: 0.02, seed: 5 });
    const toy = withTaskSuite(run, 'toy');
    expect(toy).toMatchObject({
      task: { id: 'toy' },
      architecture: { id: 'point' },
      method: { id: 'pcgrad' },
      learningRate: 0.02,
      seed: 5,
    });
    // And back: a data suite gets the default architecture again.
    expect(withTaskSuite(toy, 'playground-2d').architecture.id).toBe('layer-sharing');
  });

  it('drops a strategy and weights that do not fit the new suite', () => {
    const run = parseConfig({
      task: { id: 'sinusoids', params: { numTasks: 3 } },
      sampling: { id: 'round-robin' },
      method: { id: 'static', params: { weights: [1, 2, 3] } },
    });
    // The toy has two tasks and no samples: the three weights and the strategy go, the method stays.
    const toy = withTaskSuite(run, 'toy');
    expect(toy.sampling.id).toBe('mixed');
    expect(toy.method).toEqual(parseConfig({ task: { id: 'toy' }, method: { id: 'static' } }).method);
    // A data suite keeps the strategy.
    expect(withTaskSuite(run, 'mmoe-synthetic').sampling.id).toBe('round-robin');
  });
});
