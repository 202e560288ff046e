/**
 * The two method registries agree, and the card side stays page-safe: catalogue.ts (cards, read by the
 * page) and registry.ts (implementations, for the engine) list the same ids in the same order, each
 * implementation carries its own card, every `*.card.ts` file is listed, and no card module reaches tfjs
 * through its value imports (followed transitively through the source files).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { METHOD_CARDS, findMethodCard } from './catalogue';
import { METHODS, findMethod } from './registry';

const HERE = dirname(fileURLToPath(import.meta.url));

/** What is wrong between the two id lists, naming the line to add or move; undefined when they agree. */
function registryMismatch(cards: readonly string[], implementations: readonly string[]): string | undefined {
  const missingImpl = cards.filter((id) => !implementations.includes(id));
  if (missingImpl.length) return `registry.ts lacks ${missingImpl.map((id) => `'${id}'`).join(', ')}`;
  const missingCard = implementations.filter((id) => !cards.includes(id));
  if (missingCard.length) return `catalogue.ts lacks ${missingCard.map((id) => `'${id}'`).join(', ')}`;
  const at = cards.findIndex((id, i) => implementations[i] !== id);
  if (at >= 0)
    return `'${cards[at]}' is entry ${at + 1} in catalogue.ts but ${implementations.indexOf(cards[at] ?? '') + 1} in registry.ts`;
  return undefined;
}

/** Relative modules a source file imports as values (`import type` and `export type` lines are erased). */
function valueImports(source: string): string[] {
  const specifiers: string[] = [];
  const statement = /^(?:import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"];?/gm;
  for (const match of source.matchAll(statement)) if (!match[1] && match[2]) specifiers.push(match[2]);
  return specifiers;
}

/** Every module reached from `file` through value imports: relative ones resolved, packages by name. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.endsWith('.ts')) return seen; // a package: not followed
  for (const spec of valueImports(readFileSync(file, 'utf8')))
    reachable(spec.startsWith('.') ? resolve(dirname(file), `${spec}.ts`) : spec, seen);
  return seen;
}

const cardFiles = readdirSync(HERE).filter((f) => f.endsWith('.card.ts'));

describe('method catalogue and registry', () => {
  it('list the same ids in the same order, each id once', () => {
    const cards = METHOD_CARDS.map((c) => c.id);
    expect(
      registryMismatch(
        cards,
        METHODS.map((m) => m.id),
      ),
    ).toBeUndefined();
    expect(new Set(cards).size).toBe(cards.length);
  });

  it('name the line that is missing or out of place', () => {
    expect(registryMismatch(['a', 'b'], ['a'])).toBe("registry.ts lacks 'b'");
    expect(registryMismatch(['a'], ['a', 'c'])).toBe("catalogue.ts lacks 'c'");
    expect(registryMismatch(['a', 'b'], ['b', 'a'])).toBe(
      "'a' is entry 1 in catalogue.ts but 2 in registry.ts",
    );
  });

  it('each implementation carries its own card (same spec, same declared properties)', () => {
    for (const card of METHOD_CARDS) {
      const entry = findMethod(card.id);
      expect(entry?.label).toBe(card.label);
      expect(entry?.params).toBe(card.params);
      expect(entry?.properties).toBe(card.properties);
    }
  });

  it('every <id>.card.ts file is listed in catalogue.ts under its own id', () => {
    const ids = cardFiles.map((f) => f.replace(/\.card\.ts$/, ''));
    expect([...ids].sort()).toEqual(METHOD_CARDS.map((c) => c.id).sort());
    for (const id of ids) expect(readFileSync(join(HERE, `${id}.card.ts`), 'utf8')).toContain(`id: '${id}',`);
    expect(findMethodCard('no-such-method')).toBeUndefined();
  });

  it('no card module, nor catalogue.ts, reaches @tensorflow through value imports', () => {
    for (const file of [...cardFiles, 'catalogue.ts']) {
      const modules = [...reachable(join(HERE, file))];
      expect(
        modules.filter((m) => m.startsWith('@tensorflow')),
        file,
      ).toEqual([]);
      expect(modules.length, file).toBeGreaterThan(1); // it did follow imports
    }
    // The scan does see tfjs where it is imported (an implementation), so an empty list above means something.
    expect([...reachable(join(HERE, 'ew.ts'))]).toContain('@tensorflow/tfjs-core');
  });
});
