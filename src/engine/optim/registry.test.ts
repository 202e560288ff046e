import { describe, expect, it } from 'vitest';
import { OPTIMIZER_CARDS } from '../config/optimizers';
import { OPTIMIZERS } from './registry';

describe('optimizer registry', () => {
  it('implements every card of the catalogue, in the same order, with the same spec', () => {
    const cards = OPTIMIZER_CARDS.map((c) => c.id);
    const missing = cards.filter((id) => !OPTIMIZERS.some((o) => o.id === id));
    expect(
      missing,
      `add implementOptimizer(<card>, ...) for ${missing.join(', ')} to optim/registry.ts`,
    ).toEqual([]);
    expect(OPTIMIZERS.map((o) => o.id)).toEqual(cards);
    OPTIMIZERS.forEach((o, i) => expect(o.params).toBe(OPTIMIZER_CARDS[i]?.params));
  });

  it('refuses parameters that skipped validation instead of reading undefined', () => {
    const sgd = OPTIMIZERS.find((o) => o.id === 'sgd');
    expect(() => sgd?.create([], 0.1, { momentum: 'fast' })).toThrow(/parameter momentum/);
  });
});
