/**
 * Deterministic generator of hostile experiment configs for the validator's fuzz test
 * (parse.fuzz.test.ts): deep nesting, huge strings and keys, prototype-named keys, control characters,
 * non-finite numbers, wrong types at every field, and random mutations of the presets, plus mutations that
 * stay valid (which must still parse). Apart from the assertions so that a script can replay the same seeded
 * stream and inspect case #n.
 */
import { ARCHITECTURE_CARDS } from '../architectures/catalogue';
import { METHOD_CARDS } from '../methods/catalogue';
import type { ParamSpec, ParamSpecs } from '../params/spec';
import type { Rng } from '../random/rng';
import { TASK_SUITES } from '../tasks/registry';
import { ISOLATION_SETTINGS } from './isolation';
import { OPTIMIZER_CARDS } from './optimizers';
import { TRAINING_SETTINGS } from './settings';

export interface HostileCase {
  /** What was done to the preset, for the failure report. */
  what: string;
  config: unknown;
  /** True when the mutation keeps the config valid: it must parse. */
  valid: boolean;
}

type Json = Record<string, unknown>;

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const ODD_STRINGS = [
  '',
  ' ',
  'a\nb',
  'tab\there',
  'cr\rlf',
  'nul\u0000',
  'esc\u001b[31mred',
  'line\u2028sep',
  'para\u2029sep',
  'del\u007fc1\u0085',
  'rtl\u202eevil',
  'lone\ud800surrogate',
  '😀',
  '3',
  '-1',
  'true',
  '{"id": "ew"}',
  '; path: fake',
];
const ODD_NUMBERS = [NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 2, 1.5, -1, 0, 1e21];

/** Built once: the same deep values are shared by many cases (the validator must not mutate them). */
const deepCache = new Map<string, unknown>();
function deep(kind: 'array' | 'object', depth: number): unknown {
  const key = `${kind}${depth}`;
  let value = deepCache.get(key);
  if (value === undefined) {
    value = 1;
    for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
    deepCache.set(key, value);
  }
  return value;
}
const HUGE = 'x'.repeat(200_000);
const WIDE_ARRAY = Array.from({ length: 100_000 }, (_, i) => i);

/** An object holding the key as an own property, even '__proto__' (which `{}` literals would not). */
function withOwn(target: Json, key: string, value: unknown): Json {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** Earlier mutations may have planted deep, wide or cyclic values: walk only the preset's own shape. */
const isShallow = (node: unknown, depth: number): node is object =>
  typeof node === 'object' &&
  node !== null &&
  depth < 4 &&
  (!Array.isArray(node) || node.length <= 8) &&
  Object.keys(node).length <= 16;

export class HostileConfigs {
  constructor(
    private readonly rng: Rng,
    private readonly presets: readonly Json[],
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[this.rng.int(items.length)] as T;
  }

  hostileKey(): string {
    const r = this.rng.next();
    if (r < 0.4) return this.pick(PROTO_KEYS);
    if (r < 0.7) return this.pick(ODD_STRINGS);
    if (r < 0.8) return HUGE.slice(0, 1 + this.rng.int(100_000));
    return this.pick(['id', 'params', 'steps ', 'Steps', '0', 'learningRate', 'task', 'méthode']);
  }

  hostileValue(level = 0): unknown {
    const r = this.rng.next();
    if (r < 0.15) return this.pick(ODD_NUMBERS);
    if (r < 0.3) return this.pick(ODD_STRINGS);
    if (r < 0.35) return HUGE;
    if (r < 0.42) return this.pick([null, true, false, undefined, 10n]);
    if (r < 0.52) return deep(this.pick(['array', 'object'] as const), this.pick([30, 3000, 100_000]));
    if (r < 0.56) return WIDE_ARRAY;
    if (r < 0.66) return withOwn({}, this.hostileKey(), level < 2 ? this.hostileValue(level + 1) : 1);
    if (r < 0.76) return Array.from({ length: 1 + this.rng.int(4) }, () => this.leafOrNested(level));
    if (r < 0.86) return { id: this.pick([...ODD_STRINGS, ...PROTO_KEYS]), params: this.leafOrNested(level) };
    if (r < 0.88) {
      // A cycle: not JSON, but the app's forms hand over live objects.
      const cyclic: Json = { id: 'ew' };
      cyclic.params = cyclic;
      return cyclic;
    }
    return this.rng.uniform(-1e6, 1e6);
  }

  private leafOrNested(level: number): unknown {
    return level < 2 ? this.hostileValue(level + 1) : this.pick(ODD_NUMBERS);
  }

  /** Every object path of a preset, and every field its entries accept (so each gets a wrong type). */
  private paths(config: Json): string[][] {
    const out: string[][] = [];
    const walk = (node: unknown, path: string[]) => {
      if (path.length) out.push(path);
      if (isShallow(node, path.length)) for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    };
    walk(config, []);
    for (const key of [...Object.keys(TRAINING_SETTINGS), 'sampling', 'isolation'])
      out.push([key], [key, 'id'], [key, 'params']);
    for (const key of Object.keys(ISOLATION_SETTINGS)) out.push(['isolation', key]);
    const entries = [
      ['task', TASK_SUITES],
      ['architecture', ARCHITECTURE_CARDS],
      ['method', METHOD_CARDS],
    ] as const;
    for (const [field, registry] of entries)
      for (const entry of registry)
        for (const key of Object.keys(entry.params)) out.push([field, 'params', key]);
    return out;
  }

  private preset(): Json {
    return JSON.parse(JSON.stringify(this.pick(this.presets))) as Json;
  }

  /** Set a value at a path, creating objects on the way (and replacing scalars that are in the way). */
  private static put(config: Json, path: readonly string[], value: unknown): void {
    let node = config;
    path.slice(0, -1).forEach((key) => {
      const next = Object.hasOwn(node, key) ? node[key] : undefined;
      if (typeof next === 'object' && next !== null) node = next as Json;
      else node = withOwn(node, key, {})[key] as Json;
    });
    withOwn(node, path[path.length - 1] as string, value);
  }

  private hostileMutation(config: Json): string {
    const r = this.rng.next();
    if (r < 0.6) {
      const path = this.pick(this.paths(config));
      HostileConfigs.put(config, path, this.hostileValue());
      return `value at ${path.join('.')}`;
    }
    const objects: Json[] = [];
    const walk = (node: unknown, depth: number) => {
      if (isShallow(node, depth) && !Array.isArray(node)) {
        objects.push(node as Json);
        Object.values(node as Json).forEach((v) => walk(v, depth + 1));
      }
    };
    walk(config, 0);
    const key = this.hostileKey();
    withOwn(this.pick(objects), key, this.hostileValue());
    return `key ${JSON.stringify(key.slice(0, 20))}`;
  }

  private randomIn(spec: ParamSpec): unknown {
    if (spec.kind === 'enum') return this.pick(spec.options);
    if (spec.kind === 'boolean') return this.rng.next() < 0.5;
    if (spec.kind !== 'number') return spec.default;
    if (spec.integer) return spec.min + this.rng.int(Math.min(spec.max - spec.min + 1, 2 ** 31));
    return this.rng.uniform(spec.min, spec.max);
  }

  /** A change that keeps a preset valid: a training setting, the optimizer, the method or a scalar. */
  private validMutation(config: Json): string {
    const r = this.rng.next();
    const scalarOf = (specs: ParamSpecs) =>
      this.pick(Object.entries(specs).filter(([, s]) => s.kind === 'number' || s.kind === 'enum'));
    if (r < 0.35) {
      // An embedding cache needs the fused pass (its card's check): its presets keep `gradients`.
      const settings = Object.fromEntries(
        Object.entries(TRAINING_SETTINGS).filter(([k]) => k !== 'gradients' || !('embeddingCache' in config)),
      );
      const [key, spec] = scalarOf(settings);
      config[key] = this.randomIn(spec);
      // Reports can be no further apart than the run is long.
      if (key === 'steps' || key === 'reportEvery') {
        const setting = (name: 'steps' | 'reportEvery') => {
          const value = config[name];
          return typeof value === 'number' ? value : TRAINING_SETTINGS[name].default;
        };
        config.reportEvery = Math.min(setting('steps'), setting('reportEvery'));
      }
      return `setting ${key}`;
    }
    if (r < 0.55) {
      const optimizer = this.pick(OPTIMIZER_CARDS);
      const [key, spec] = scalarOf(optimizer.params);
      config.optimizer = { id: optimizer.id, params: { [key]: this.randomIn(spec) } };
      return `optimizer ${optimizer.id}.${key}`;
    }
    if (r < 0.75) {
      const [key, spec] = scalarOf(ISOLATION_SETTINGS);
      config.isolation = { [key]: this.randomIn(spec) };
      return `isolation.${key}`;
    }
    // Methods with checks across fields (trim < T/2, one weight per task) would need those fields too.
    const candidates = METHOD_CARDS.filter(
      (m) => !m.check && Object.values(m.params).some((s) => s.kind === 'number'),
    );
    const method = this.pick(candidates);
    const [key, spec] = scalarOf(method.params);
    config.method = { id: method.id, params: { [key]: this.randomIn(spec) } };
    return `method ${method.id}.${key}`;
  }

  next(): HostileCase {
    const r = this.rng.next();
    if (r < 0.05) return { what: 'not an object', config: this.hostileValue(), valid: false };
    if (r < 0.1) {
      const config = withOwn({}, this.hostileKey(), this.hostileValue());
      return { what: 'random object', config, valid: false };
    }
    const config = this.preset();
    if (r < 0.3) return { what: `valid ${this.validMutation(config)}`, config, valid: true };
    const count = r < 0.8 ? 1 : 2 + this.rng.int(3);
    const what = Array.from({ length: count }, () => this.hostileMutation(config)).join(', ');
    return { what, config, valid: false };
  }
}
