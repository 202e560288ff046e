import { METHODS } from '../methods/registry';
import { describe, expect, it } from 'vitest';
import { applyOverride } from './overrides';
import { defaultConfig, parseConfig } from './parse';
import { ConfigError, MAX_LISTED_ISSUES } from './types';

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
      'gradients: expected one of auto, fused, stacked, loop, got "fast"',
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

/** The ConfigError a raw config gives (failing the test if it parses or throws anything else). */
function errorOf(raw: unknown): ConfigError {
  try {
    parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const nested = (depth: number, kind: 'array' | 'object'): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
};

describe('parseConfig on hostile input', () => {
  it('reports deeply nested values instead of overflowing the stack', () => {
    expect(issuesOf({ task: nested(100_000, 'array') })).toEqual([
      'task: expected an object { "id": ..., "params": { ... } }, got [[[[…]]]]',
    ]);
    expect(issuesOf({ seed: nested(100_000, 'object') })).toEqual([
      'seed: expected a whole number from 0 to 2147483647, got {"a":{"a":{"a":{…}}}}',
    ]);
    expect(issuesOf({ task: { id: 'toy', params: { starts: nested(100_000, 'array') } } })[0]).toMatch(
      /^task\.params\.starts\[0\]: expected a point \[x, y\] with x and y from -10 to 10, got \[\[\[\[…\]\]\]\]$/,
    );
  });

  it('cuts a huge value to a short excerpt', () => {
    const error = errorOf({ method: { id: 'x'.repeat(200_000) } });
    const [issue] = error.issues;
    expect(issue?.message).toMatch(/^unknown method "x{38}…; accepted: ew, static,/);
    // Its own words stay short; the list of accepted ids comes on top.
    expect(issue?.accepted).toBe(METHODS.map((m) => m.id).join(', '));
    expect(error.message.length - (issue?.accepted?.length ?? 0)).toBeLessThan(100);
  });

  it('names NaN and ±Infinity (JSON.stringify would say null)', () => {
    expect(issuesOf({ learningRate: Infinity, batchSize: NaN, steps: -Infinity })).toEqual([
      'learningRate: expected a number from 0.000001 to 10, got Infinity',
      'batchSize: expected a whole number from 1 to 8192, got NaN',
      'steps: expected a whole number from 1 to 10000000, got -Infinity',
    ]);
  });

  it('keeps a message on one line when a key holds a line break', () => {
    const error = errorOf({ 'steps\n': 3, method: { id: 'cagrad', params: { 'c\r\n': 1 } } });
    expect(error.message).not.toMatch(/[\n\r]/);
    expect(error.issues.map((i) => i.path)).toEqual(['"steps\\n"', 'method.params']);
    expect(error.issues[1]?.message).toBe("unknown field 'c\\r\\n'; accepted: c, rescale");
  });

  it('treats keys named like Object.prototype members as plain unknown fields, once', () => {
    for (const key of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      const raw = JSON.parse(`{"${key}": 1}`) as unknown;
      expect(issuesOf(raw)).toEqual([
        `${key}: unknown field; accepted: task, architecture, method, optimizer, sampling, learningRate, batchSize, steps, reportEvery, seed, gradients, isolation, communication, embeddingCache, meta, merging`,
      ]);
    }
    expect(issuesOf({ optimizer: { id: 'constructor' } })).toEqual([
      'optimizer.id: unknown optimizer "constructor"; accepted: adam, sgd',
    ]);
    expect(Object.prototype).not.toHaveProperty('steps');
  });

  it('says when the whole config is not an object', () => {
    expect(errorOf('hello').message).toBe('the whole config: expected a JSON object of fields, got "hello"');
    expect(errorOf(10n).message).toBe('the whole config: expected a JSON object of fields, got 10n');
  });

  it('describes cycles (a form may hand over live objects) without crashing', () => {
    const params: Record<string, unknown> = {};
    params.c = params;
    expect(issuesOf({ method: { id: 'cagrad', params } })).toEqual([
      'method.params.c: expected a number from 0 to 10, got {"c":[circular]}',
    ]);
  });

  it('gives every issue what its field accepts, on its own', () => {
    const error = errorOf({
      seed: 'one',
      method: { id: 'cagrad', params: { zz: 1 } },
      architecture: { id: 'layer-sharing', params: { shared: [true, 2] } },
    });
    expect(error.issues.map((i) => [i.path, i.accepted])).toEqual([
      ['architecture.params.shared[1]', 'true or false'],
      ['method.params', 'c, rescale'],
      ['seed', 'a whole number from 0 to 2147483647'],
    ]);
  });

  it('lists a few issues in the message and keeps all of them in issues', () => {
    const raw = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
    const error = errorOf(raw);
    expect(error.issues).toHaveLength(10_000);
    expect(error.message.split('; k')).toHaveLength(MAX_LISTED_ISSUES);
    expect(error.message).toMatch(/; and 9,995 more problems$/);
  });

  it('refuses an overlong list by its length alone (zod checks the length before the items)', () => {
    const widths = new Array<string>(1_000_000).fill('x');
    expect(issuesOf({ architecture: { id: 'layer-sharing', params: { widths, activation: 'x' } } })).toEqual([
      'architecture.params.widths: expected a list of 1 to 6 whole numbers, got 1000000 items',
      'architecture.params.activation: expected one of relu, tanh, sigmoid, elu, linear, got "x"',
    ]);
  });

  it('hands out fresh defaults each time (the schemas are cached)', () => {
    const first = parseConfig({});
    const [patterns, widths] = [first.task.params.patterns, first.architecture.params.widths];
    if (!Array.isArray(patterns) || !Array.isArray(widths)) throw new Error('expected lists');
    patterns.splice(0, 0, 'ring');
    widths.splice(0, 1, 1);
    const second = parseConfig({});
    expect(second.task.params.patterns).toEqual(['xor', 'gauss']);
    expect(second.architecture.params.widths).not.toContain(1);
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
