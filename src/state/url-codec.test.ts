import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../engine/config/parse';
import { decodeHash, encodeConfig, MAX_HASH_LENGTH } from './url-codec';

describe('URL hash codec', () => {
  it('round-trips configs, keeping links short', () => {
    const configs = [
      defaultConfig(),
      parseConfig({ method: { id: 'cagrad', params: { c: 0.2 } }, learningRate: 0.003, seed: 9 }),
      parseConfig({ task: { id: 'toy' }, method: { id: 'mgda', params: { normalization: 'l2' } } }),
      parseConfig({
        task: { id: 'sinusoids', params: { numTasks: 4 } },
        architecture: { id: 'layer-sharing', params: { widths: [16, 8], shared: [false, true] } },
      }),
    ];
    for (const config of configs) {
      const hash = encodeConfig(config);
      const decoded = decodeHash(hash);
      expect(decoded.notice).toBeUndefined();
      expect(decoded.config).toEqual(config);
    }
    expect(encodeConfig(defaultConfig()).length).toBeLessThan(80);
  });

  it('opens the defaults without a notice when there is no hash', () => {
    expect(decodeHash('')).toEqual({ config: defaultConfig() });
    expect(decodeHash('#')).toEqual({ config: defaultConfig() });
  });

  it.each([
    ['#config=%7Bnot json', /not valid JSON/],
    ['#config=%5B1%2C2%5D', /not an experiment/],
    ['#nonsense', /does not hold an experiment/],
    [
      `#config=${encodeURIComponent(JSON.stringify({ method: { id: 'evil' } }))}`,
      /method\.id: unknown method "evil"/,
    ],
    [
      `#config=${encodeURIComponent(JSON.stringify({ learningRate: 1e9 }))}`,
      /learningRate: expected a number/,
    ],
    [
      `#config=${encodeURIComponent(JSON.stringify({ task: { id: 'nope' } }))}`,
      /task\.id: unknown task suite/,
    ],
    [
      `#config=${encodeURIComponent('{"__proto__": {"polluted": true}, "steps": 5}')}`,
      /reportEvery|polluted|rejected/,
    ],
    [`#config=${'x'.repeat(MAX_HASH_LENGTH + 10)}`, /too long/],
    ['#config=%E0%A4%A', /not valid JSON/],
  ])('refuses a malformed or hostile hash %#, with a notice and the defaults', (hash, pattern) => {
    const decoded = decodeHash(hash);
    expect(decoded.config).toEqual(defaultConfig());
    expect(decoded.notice).toMatch(pattern);
    expect(decoded.notice).toMatch(/Opened the default experiment instead\.$/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
