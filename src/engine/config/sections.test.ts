import { describe, expect, it } from 'vitest';
import { ConfigError } from './types';
import { parseConfig } from './parse';
import { viewsOf } from './views';

const issuesOf = (raw: unknown): string[] => {
  try {
    parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
};

describe('optional config sections', () => {
  it("leaves a config without them, or with id 'none', exactly as before", () => {
    const plain = parseConfig({});
    for (const key of ['communication', 'embeddingCache', 'meta', 'merging']) {
      const withNone = parseConfig({ [key]: { id: 'none' } });
      expect(withNone).toEqual(plain);
      expect(Object.hasOwn(withNone, key)).toBe(false);
    }
    expect(viewsOf(plain)).toEqual(viewsOf(parseConfig({ merging: { id: 'none' } })));
  });

  it('names the section and its accepted ids for an unknown one, and checks the shape', () => {
    expect(issuesOf({ meta: { id: 'magic' } })[0]).toMatch(
      /^meta\.id: unknown meta-learner "magic"; accepted: none/,
    );
    expect(issuesOf({ communication: 3 })).toEqual([
      'communication: expected an object { "id": ..., "params": { ... } }, got 3',
    ]);
    expect(issuesOf({ merging: { id: 'none', extra: 1 } })).toEqual([
      "merging: unknown field 'extra'; accepted: id, params",
    ]);
  });
});
