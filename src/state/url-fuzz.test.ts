/**
 * 10,000 seeded hostile links: decoding never throws, every notice is one line of at most 200 characters
 * that names a field the link got wrong, the link's valid fields survive, and nothing reaches a prototype.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/random/rng';
import { describeField } from './notice-text';
import { decodeHash, MAX_HASH_LENGTH } from './url-codec';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const HASHES = 10_000;
const rng = new Rng(20_250_609);
const pick = <T>(items: readonly T[]): T => items[rng.int(items.length)] as T;

const HOSTILE_STRINGS = [
  '',
  'x',
  'evil',
  '<img src=x onerror=alert(1)>',
  'a\nb\r\nc\u2028d\u2029e',
  '\u202egnp.exe\u202c',
  '\u0000\u0007\u001b[31m',
  'x'.repeat(3000),
  '😀'.repeat(200),
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];
const deep = (n: number): Json => (n === 0 ? 'bottom' : [deep(n - 1)]);
const HOSTILE_VALUES: Json[] = [
  null,
  ...HOSTILE_STRINGS,
  1e308,
  -1e308,
  {},
  { a: 1 },
  [1, 'x'],
  deep(400),
  JSON.parse('{"__proto__": {"polluted": true}}') as Json,
];
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'x\ny',
  '\u202eevil',
  'a'.repeat(1000),
  '',
  'toString',
  'tasks',
  'learning rate',
];

/** Fields valid for every task suite, independent of each other and of the mutated ones. */
const VALID: Record<string, () => Json> = {
  learningRate: () => pick([0.003, 0.05, 0.2]),
  batchSize: () => pick([16, 32, 100]),
  seed: () => 2 + rng.int(1000),
  gradients: () => pick(['loop', 'stacked']),
  optimizer: () =>
    pick([
      { id: 'sgd', params: { momentum: 0.5 } },
      { id: 'adam', params: { beta1: 0.8 } },
    ]),
};

interface Mutation {
  /** Top-level key it writes. */
  key: string;
  /** What the notice must name (the field's top-level key, as a notice writes it). */
  named: string;
  apply(link: Record<string, Json>): void;
}

const selection = (key: string): Mutation => ({
  key,
  named: key,
  apply: (link) =>
    (link[key] = pick<Json>([
      null,
      5,
      [],
      'x'.repeat(3000),
      { id: pick(HOSTILE_STRINGS) },
      { id: 7 },
      { params: pick<Json>(['x', 5, []]) },
      { id: pick(HOSTILE_STRINGS), params: { c: 1 } },
      { [pick(HOSTILE_KEYS)]: 1 },
    ])),
});
const leaf = (key: string, wrap: (v: Json) => Json = (v) => v): Mutation => ({
  key,
  named: key,
  apply: (link) => (link[key] = wrap(pick(HOSTILE_VALUES))),
});

const MUTATIONS: Mutation[] = [
  ...['task', 'architecture', 'method', 'sampling'].map(selection),
  leaf('steps'),
  leaf('reportEvery'),
  leaf('method', (v) => ({ id: 'cagrad', params: { c: v } })),
  leaf('method', (v) => ({ id: 'static', params: { weights: v } })),
  leaf('task', (v) => ({ id: 'sinusoids', params: { numTasks: v } })),
  leaf('task', (v) => ({ id: 'playground-2d', params: { patterns: v } })),
  leaf('architecture', (v) => ({ id: 'layer-sharing', params: { widths: v } })),
  leaf('isolation', (v) => ({ clipNorm: v })),
  leaf('isolation', (v) => ({ gradientMask: v })),
  leaf('isolation', () => pick<Json>(['x', [], 5, { zzz: 1 }, { [pick(HOSTILE_KEYS)]: 2 }])),
  {
    key: 'k0',
    named: 'k0',
    apply: (link) => {
      // Hundreds of unknown keys in one link.
      for (let k = 0; k < 300; k++) link[`k${k}`] = k;
    },
  },
  {
    key: '*',
    named: '*',
    apply: (link) => {
      const key = pick(HOSTILE_KEYS);
      link[key] = pick(HOSTILE_VALUES);
    },
  },
];

/** Hashes that are no experiment at all: broken encodings, other JSON, random bytes. */
function brokenHash(): string {
  const kind = rng.int(6);
  if (kind === 0) return `#config=${'%'.repeat(1 + rng.int(5))}E0%A4%A`;
  if (kind === 1)
    return `#config=${encodeURIComponent(JSON.stringify(pick<Json>([[1], 'x', 5, null, true])))}`;
  if (kind === 2) return `#${pick(HOSTILE_STRINGS)}`;
  if (kind === 3) return `#config=${'{'.repeat(rng.int(MAX_HASH_LENGTH))}`;
  if (kind === 4) return `#config=${'x'.repeat(MAX_HASH_LENGTH + rng.int(100))}`;
  return `#config=${Array.from({ length: rng.int(60) }, () => String.fromCharCode(rng.int(0x3000))).join('')}`;
}

const ONE_LINE = /^(?!\(no notice\))[^\n\r\u2028\u2029]{1,200}$/;

describe('decodeHash under 10,000 seeded hostile links', () => {
  // Each link costs one to a dozen full validations: seconds in all, more on a loaded machine.
  it(
    'never throws, names the bad field in one short line and keeps the valid fields',
    { timeout: 300_000 },
    () => {
      let mutated = 0;
      for (let n = 0; n < HASHES; n++) {
        if (rng.next() < 0.1) {
          const decoded = decodeHash(brokenHash());
          expect(decoded.notice ?? 'ok').toMatch(ONE_LINE);
          continue;
        }
        mutated++;
        // No prototype, so that a '__proto__' key is an own key and reaches the JSON like any other.
        const link = Object.create(null) as Record<string, Json>;
        // Up to three bad fields on distinct keys, then valid fields on keys they left alone.
        const bad: Mutation[] = [];
        for (let k = 1 + (rng.next() < 0.2 ? rng.int(3) : 0); k > 0; k--) {
          const m = pick(MUTATIONS);
          if (!bad.some((b) => b.key === m.key && m.key !== '*')) bad.push(m);
        }
        const hostileKeys: string[] = [];
        for (const m of bad) {
          const before = new Set(Object.keys(link));
          m.apply(link);
          if (m.key === '*') hostileKeys.push(...Object.keys(link).filter((k) => !before.has(k)));
        }
        const valid: Record<string, Json> = {};
        for (const [key, make] of Object.entries(VALID))
          if (!(key in link) && rng.next() < 0.6) valid[key] = link[key] = make();
        const hash = `#config=${encodeURIComponent(JSON.stringify(link))}`;
        if (hash.length - 1 > MAX_HASH_LENGTH) continue;

        const decoded = decodeHash(hash);
        const where = `link ${hash.slice(0, 300)}`;
        const named = bad.map((m) => m.named).filter((k) => k !== '*');
        const names = [...named, ...hostileKeys.map(describeField)];
        expect(decoded.notice ?? '(no notice)', where).toMatch(ONE_LINE);
        expect(
          names.some((name) => decoded.notice?.includes(name)),
          `${where}\nnotice ${decoded.notice}`,
        ).toBe(true);
        for (const [key, value] of Object.entries(valid)) {
          const got = (decoded.config as unknown as Record<string, Json>)[key];
          if (typeof value === 'object') expect(got, where).toMatchObject(value as object);
          else expect(got, where).toBe(value);
        }
      }
      expect(mutated).toBeGreaterThan(HASHES * 0.85);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );
});
