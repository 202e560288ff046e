import { METHODS } from '../methods/registry';
import { describe, expect, it } from 'vitest';
import { applyOverride } from './overrides';
import { defaultConfig, parseConfig } from './parse';
import { ConfigError } from './types';

function issuesOf(raw: unknown): string[] {
  try {
    parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('fills every default from an empty object: the app default experiment', () => {
    const config = parseConfig({});
    expect(config.task.id).toBe('playground-2d');
    expect(config.architecture.id).toBe('layer-sharing');
    expect(config.method.id).toBe('ew');
    expect(config.optimizer).toEqual({ id: 'adam', params: { beta1: 0.9, beta2: 0.999, eps: 1e-8 } });
    expect(config.learningRate).toBe(0.01);
    expect(config.gradients).toBe('auto');
    expect(config.task.params.patterns).toEqual(['xor', 'gauss']);
  });

  it('defaults the architecture of an objective suite to the point θ', () => {
    expect(defaultConfig('toy').architecture.id).toBe('point');
  });

  it('rejects unknown top-level keys, naming the accepted ones', () => {
    const [issue] = issuesOf({ stepz: 3 });
    expect(issue).toMatch(
      /^stepz: unknown field; accepted: task, architecture, method, optimizer, sampling, learningRate/,
    );
  });

  it('rejects an unknown method id, listing the accepted ids', () => {
    const [issue] = issuesOf({ method: { id: 'sgdm' } });
    expect(issue).toBe(`method.id: unknown method "sgdm"; accepted: ${METHODS.map((m) => m.id).join(', ')}`);
  });

  it('rejects unknown method parameters, naming the accepted ones', () => {
    const [issue] = issuesOf({ method: { id: 'cagrad', params: { alpha: 1 } } });
    expect(issue).toMatch(/^method\.params: unknown field 'alpha'; accepted: c, rescale$/);
  });

  it('rejects out-of-range and mistyped values with the range', () => {
    expect(issuesOf({ learningRate: 0 })).toEqual([
      'learningRate: expected a number from 0.000001 to 10, got 0',
    ]);
    expect(issuesOf({ batchSize: 3.5 })[0]).toBe(
      'batchSize: expected a whole number from 1 to 8192, got 3.5',
    );
    expect(issuesOf({ seed: 'one' })[0]).toBe(
      'seed: expected a whole number from 0 to 2147483647, got "one"',
    );
    expect(issuesOf({ gradients: 'fast' })[0]).toBe(
      'gradients: expected one of auto, stacked, loop, got "fast"',
    );
  });

  it('reports every problem at once', () => {
    expect(issuesOf({ learningRate: -1, steps: 0, method: { id: 'nope' } })).toHaveLength(3);
  });

  it('checks per-task list lengths against the number of tasks', () => {
    const [issue] = issuesOf({ method: { id: 'static', params: { weights: [1, 2, 3] } } });
    expect(issue).toMatch(
      /^method\.params\.weights: expected 2 values \(one per task\) or an empty list, got 3$/,
    );
  });

  it('rejects an architecture that does not fit the suite', () => {
    expect(issuesOf({ task: { id: 'toy' }, architecture: { id: 'layer-sharing' } })[0]).toMatch(
      /^architecture\.id: the 'toy' suite trains the point θ itself; accepted here: point$/,
    );
    expect(issuesOf({ architecture: { id: 'point' } })[0]).toMatch(
      /^architecture\.id: 'point' is only for suites/,
    );
  });

  it('rejects a report interval longer than the run', () => {
    expect(issuesOf({ steps: 10, reportEvery: 50 })).toEqual([
      'reportEvery: expected at most steps (10), got 50',
    ]);
  });

  it('rejects non-objects with a clear message', () => {
    expect(issuesOf([1, 2])[0]).toMatch(/expected a JSON object/);
    expect(issuesOf({ method: 'pcgrad' })[0]).toMatch(/^method: expected an object \{ "id"/);
  });

  it('round-trips: a parsed config parses to itself', () => {
    const config = parseConfig({ method: { id: 'mgda', params: { normalization: 'l2' } }, seed: 7 });
    expect(parseConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
  });
});

describe('applyOverride', () => {
  it('sets nested values, parsing JSON values and keeping strings', () => {
    let raw: Record<string, unknown> = {};
    raw = applyOverride(raw, 'steps=500');
    raw = applyOverride(raw, 'architecture.params.widths=[64,64]');
    raw = applyOverride(raw, 'task.params.patterns[1]=circle');
    expect(raw).toEqual({
      steps: 500,
      architecture: { params: { widths: [64, 64] } },
      task: { params: { patterns: [undefined, 'circle'] } },
    });
  });

  it("drops the previous entry's params when an id changes", () => {
    const raw = { method: { id: 'cagrad', params: { c: 0.2 } } };
    expect(applyOverride(raw, 'method.id=pcgrad')).toEqual({ method: { id: 'pcgrad' } });
    expect(applyOverride(raw, 'method.id=cagrad')).toEqual(raw);
    expect(parseConfig(applyOverride(raw, 'method.id=pcgrad')).method.id).toBe('pcgrad');
  });

  it('rejects malformed overrides', () => {
    expect(() => applyOverride({}, 'steps')).toThrow(ConfigError);
    expect(() => applyOverride({}, '=3')).toThrow(/expected path=value/);
  });
});
