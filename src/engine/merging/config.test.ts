import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import { viewsOf } from '../config/views';

const base = {
  task: { id: 'playground-2d', params: { patterns: ['gauss', 'plane'] } },
  architecture: { id: 'layer-sharing', params: { widths: [8], shared: [true], activation: 'tanh' } },
  steps: 100,
};

/** The issues of a config as "path: message" lines ([] when it parses). */
function issues(raw: object): string[] {
  try {
    parseConfig(raw);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.issues.map((i) => `${i.path}: ${i.message}`);
  }
}

describe('the merging section', () => {
  it('parses every method with its defaults and declares the merging view', () => {
    for (const id of ['average', 'task-arithmetic', 'ties']) {
      const config = parseConfig({ ...base, merging: { id } });
      expect(config.merging?.params.warmupSteps).toBe(0);
      expect(viewsOf(config)).toContainEqual({ kind: 'merging' });
    }
    expect(parseConfig({ ...base, merging: { id: 'ties' } }).merging?.params).toEqual({
      warmupSteps: 0,
      topK: 20,
      lambda: 1,
    });
    expect(parseConfig({ ...base, merging: { id: 'none' } }).merging).toBeUndefined();
  });

  it('names the field of every bad setting, one line each', () => {
    expect(issues({ ...base, merging: { id: 'ties', params: { topK: 0 } } })).toEqual([
      'merging.params.topK: expected a percentage in (0, 100] (0 would keep no entry), got 0',
    ]);
    const over = issues({ ...base, merging: { id: 'ties', params: { topK: 120 } } });
    expect(over).toHaveLength(1);
    expect(over[0]).toMatch(/^merging\.params\.topK: /);
    const lambda = issues({ ...base, merging: { id: 'task-arithmetic', params: { lambda: 3 } } });
    expect(lambda).toHaveLength(1);
    expect(lambda[0]).toMatch(/^merging\.params\.lambda: /);
    expect(issues({ task: { id: 'toy' }, merging: { id: 'average' } })).toEqual([
      "merging.id: merging trains networks with task heads; the 'toy' suite trains a point",
    ]);
  });
});
