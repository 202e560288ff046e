/** The cache card's checks: one line per bad setting, naming the field and what is accepted. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse';
import { ConfigError } from '../config/types';
import { viewsOf } from '../config/views';

const issuesOf = (raw: Record<string, unknown>) => {
  try {
    parseConfig({ ...raw, embeddingCache: { id: 'bottom-cache', params: { refreshEvery: 5 } } });
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.issues.map((i) => `${i.path}: ${i.message}`);
  }
};

describe('bottom-cache card', () => {
  it('accepts a layer-sharing network with a shared first layer and declares its view', () => {
    const config = parseConfig({ embeddingCache: { id: 'bottom-cache', params: { refreshEvery: 5 } } });
    expect(config.embeddingCache?.params).toEqual({ refreshEvery: 5, frozen: false, warmupSteps: 200 });
    expect(viewsOf(config)).toContainEqual({ kind: 'embedding-cache', refreshEvery: 5, frozen: false });
  });

  it('refuses architectures without a shared bottom, autodiff strategies and point suites', () => {
    expect(issuesOf({ architecture: { id: 'mmoe' } })).toEqual([
      expect.stringMatching(
        /^embeddingCache\.id: architecture 'mmoe' \(Multi-gate mixture of experts\) has no shared bottom of dense layers to cache; accepted: the layer-sharing architecture/,
      ),
    ]);
    expect(
      issuesOf({ architecture: { id: 'layer-sharing', params: { widths: [8, 8], shared: [false, true] } } }),
    ).toEqual([expect.stringMatching(/^embeddingCache\.id: architecture\.params\.shared starts with false/)]);
    expect(issuesOf({ gradients: 'stacked' })).toEqual([
      expect.stringMatching(/^embeddingCache\.id: gradients 'stacked' runs autodiff copies/),
    ]);
    expect(issuesOf({ task: { id: 'toy' }, architecture: { id: 'point' } }).join('\n')).toMatch(
      /embeddingCache\.id: the 'toy' suite trains a point/,
    );
  });

  it('names the parameter for out-of-range values', () => {
    expect(() =>
      parseConfig({ embeddingCache: { id: 'bottom-cache', params: { refreshEvery: 0 } } }),
    ).toThrow(/embeddingCache\.params\.refreshEvery/);
  });
});
