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
      // The optional sections travel like any registry choice.
      parseConfig({ communication: { id: 'top-k', params: { k: 5, errorFeedback: true } } }),
      parseConfig({ embeddingCache: { id: 'bottom-cache', params: { refreshEvery: 50 } } }),
      parseConfig({ task: { id: 'sine-family' }, meta: { id: 'reptile' } }),
      parseConfig({ merging: { id: 'ties', params: { topK: 30 } } }),
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
    [`#config=${'x'.repeat(MAX_HASH_LENGTH + 10)}`, /too long/],
    ['#config=%E0%A4%A', /not valid JSON/],
  ])('refuses a hash that holds no experiment %#, with a notice and the defaults', (hash, pattern) => {
    const decoded = decodeHash(hash);
    expect(decoded.config).toEqual(defaultConfig());
    expect(decoded.notice).toMatch(pattern);
    expect(decoded.notice).toMatch(/Opened the default experiment instead\.$/);
  });

  it('keeps the experiment already open when an edited hash holds none', () => {
    const open = parseConfig({ method: { id: 'pcgrad' }, seed: 5 });
    const decoded = decodeHash('#config=%7Bnot json', open);
    expect(decoded.config).toBe(open);
    expect(decoded.notice).toMatch(/not valid JSON\. Kept the experiment that was open\.$/);
  });

  const link = (raw: unknown) =>
    `#config=${encodeURIComponent(typeof raw === 'string' ? raw : JSON.stringify(raw))}`;

  it.each([
    [{ method: { id: 'evil' }, learningRate: 0.003, seed: 9 }, 'method.id', /unknown method "evil"/],
    [{ learningRate: 1e9, seed: 9, method: { id: 'pcgrad' } }, 'learningRate', /expected a number/],
    [{ task: { id: 'nope' }, seed: 9, learningRate: 0.003 }, 'task.id', /unknown task suite/],
    [
      { method: { id: 'cagrad', params: { c: 'x' } }, seed: 9, learningRate: 0.003 },
      'method.params.c',
      /expected a number from 0/,
    ],
    [{ steps: 5, seed: 9, learningRate: 0.003 }, 'steps', /reportEvery: expected at most steps \(5\)/],
    [
      { task: { id: 'toy' }, architecture: { id: 'mmoe' }, seed: 9 },
      'architecture.id',
      /accepted here: point/,
    ],
  ])('keeps the valid fields of a link with one bad field %#, naming it', (raw, field, reason) => {
    const decoded = decodeHash(link(raw));
    expect(decoded.notice).toContain(`Ignored ${field} from the link`);
    expect(decoded.notice).toMatch(reason);
    expect(decoded.notice).toMatch(/kept the rest\.$/);
    expect(decoded.config.seed).toBe(9);
    if ('learningRate' in raw && raw.learningRate === 0.003) expect(decoded.config.learningRate).toBe(0.003);
    if ('method' in raw && raw.method.id === 'pcgrad') expect(decoded.config.method.id).toBe('pcgrad');
    if ('task' in raw && raw.task.id === 'toy') expect(decoded.config.task.id).toBe('toy');
  });

  it("keeps a link's valid method parameters beside a bad one, and names unknown ones by path", () => {
    const decoded = decodeHash(link({ method: { id: 'cagrad', params: { c: 0.2, rescale: 'x', zzz: 1 } } }));
    expect(decoded.config.method).toEqual({ id: 'cagrad', params: { c: 0.2, rescale: 1 } });
    expect(decoded.notice).toMatch(
      /^Ignored method\.params\.rescale from the link \(.*\) and method\.params\.zzz;/,
    );
  });

  it('ignores prototype keys without polluting anything, and says so', () => {
    const decoded = decodeHash(link('{"__proto__": {"polluted": true}, "seed": 4}'));
    expect(decoded.config.seed).toBe(4);
    expect(decoded.notice).toMatch(/^Ignored __proto__ from the link \(not a setting\)/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a notice about a kilobyte-long hostile id to one short line that still lists accepted ids', () => {
    const decoded = decodeHash(link({ method: { id: `${'x'.repeat(2000)}\n<b>` }, seed: 3 }));
    expect(decoded.config.seed).toBe(3);
    expect(decoded.notice).toMatch(
      /^Ignored method\.id from the link \(unknown method "x+…"?; accepted: ew, static/,
    );
    expect(decoded.notice?.length).toBeLessThanOrEqual(200);
  });

  it("keeps a link's other settings when its optional section is unknown or does not fit, and says which", () => {
    const open = (raw: unknown) => decodeHash(link(raw));
    const unknown = open({ learningRate: 0.02, meta: { id: 'magic' } });
    expect(unknown.config).toEqual(parseConfig({ learningRate: 0.02 }));
    expect(unknown.notice).toMatch(/meta/);
    // An embedding cache needs a shared bottom of dense layers: on MMoE the section goes, MMoE stays.
    const unfit = open({ architecture: { id: 'mmoe' }, embeddingCache: { id: 'bottom-cache' } });
    expect(unfit.config).toEqual(parseConfig({ architecture: { id: 'mmoe' } }));
    expect(unfit.notice).toMatch(/embeddingCache/);
  });
});
