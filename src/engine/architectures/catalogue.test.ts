/**
 * The catalogue/implementation split: both architecture registries list the same ids in the same order
 * (naming the line that is missing), every implementation carries its own card, and nothing the page
 * imports from here (the cards, and every task-suite module) reaches tfjs through a value import.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHITECTURE_CARDS, findArchitectureCard } from './catalogue';
import { ARCHITECTURES } from './registry';

const ENGINE = resolve(__dirname, '..');

/**
 * Module specifiers a file loads at run time: every import/export-from and dynamic import except
 * `import type`/`export type`. Under verbatimModuleSyntax `import { type A } from 'x'` still loads x, so
 * it counts as a value import.
 */
function valueImports(source: string): string[] {
  const statement =
    /^\s*(?:import|export)\s+(type\s+)?(?:[\w$]+\s*,\s*)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\}|[\w$]+)\s+from\s+['"]([^'"]+)['"]/gm;
  const bare = /^\s*import\s+['"]([^'"]+)['"]/gm;
  const dynamic = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [
    ...[...source.matchAll(statement)].flatMap((m) => (m[1] ? [] : [m[2] as string])),
    ...[...source.matchAll(bare)].map((m) => m[1] as string),
    ...[...source.matchAll(dynamic)].map((m) => m[1] as string),
  ];
}

function resolveModule(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f));
  if (!found) throw new Error(`${relative(ENGINE, from)}: cannot resolve ${spec}`);
  return found;
}

/** The chain of modules from `file` to the first package import matching `banned`, or undefined. */
function pathToBanned(file: string, banned: RegExp, seen = new Set<string>()): string[] | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  for (const spec of valueImports(readFileSync(file, 'utf8'))) {
    if (!spec.startsWith('.')) {
      if (banned.test(spec)) return [relative(ENGINE, file), spec];
      continue;
    }
    const rest = pathToBanned(resolveModule(file, spec), banned, seen);
    if (rest) return [relative(ENGINE, file), ...rest];
  }
  return undefined;
}

const TFJS = /^@tensorflow\//;
const here = (name: string) => join(ENGINE, 'architectures', name);
const tasksDir = join(ENGINE, 'tasks');

describe('architecture catalogue and registry', () => {
  it('list the same ids in the same order', () => {
    const cards = ARCHITECTURE_CARDS.map((c) => c.id);
    const impls = ARCHITECTURES.map((a) => a.id);
    const missing = [
      ...impls.filter((id) => !cards.includes(id)).map((id) => `catalogue.ts lacks the card of ${id}`),
      ...cards
        .filter((id) => !impls.includes(id))
        .map((id) => `registry.ts lacks the implementation of ${id}`),
    ];
    expect(missing).toEqual([]);
    expect(impls).toEqual(cards);
  });

  it('each implementation is built on its own card', () => {
    for (const a of ARCHITECTURES) {
      const card = findArchitectureCard(a.id);
      // implementArchitecture copies the card: the very same spec object and functions.
      expect(a.params).toBe(card?.params);
      expect(a.diagram).toBe(card?.diagram);
      expect(a.check).toBe(card?.check);
      expect([a.label, a.group, a.citation, a.stackedCost]).toEqual([
        card?.label,
        card?.group,
        card?.citation,
        card?.stackedCost,
      ]);
    }
  });
});

describe('the page-safe modules import no tfjs', () => {
  it('finds a value import, skips type-only ones', () => {
    const source = [
      "import type { Tensor } from '@tensorflow/tfjs-core';",
      "import type * as TF from '@tensorflow/tfjs-core';",
      "import { type A, b } from './b';",
      'import {',
      '  c,',
      '  type D,',
      "} from './c';",
      "import * as tf from '@tensorflow/tfjs-core';",
      "export { e } from './e';",
      "export type { F } from './f';",
      "import './side-effect';",
      "const lazy = () => import('./lazy');",
    ].join('\n');
    expect(valueImports(source).sort()).toEqual(
      ['./b', './c', '@tensorflow/tfjs-core', './e', './side-effect', './lazy'].sort(),
    );
    // And the walk follows them: the implementations do reach tfjs.
    expect(pathToBanned(here('registry.ts'), TFJS)).toBeDefined();
  });

  const cardFiles = readdirSync(join(ENGINE, 'architectures')).filter((f) => f.endsWith('.card.ts'));
  const taskFiles = readdirSync(tasksDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it('every card lives in <id>.card.ts, and the catalogue imports only cards', () => {
    const ids = ARCHITECTURE_CARDS.map((c) => c.id).sort();
    expect(cardFiles.map((f) => f.replace(/\.card\.ts$/, '')).sort()).toEqual(ids);
    const fromCatalogue = valueImports(readFileSync(here('catalogue.ts'), 'utf8'));
    expect(fromCatalogue.filter((s) => !s.endsWith('.card'))).toEqual([]);
  });

  it.each(['catalogue.ts', ...cardFiles])('architectures/%s', (file) => {
    expect(pathToBanned(here(file), TFJS)).toBeUndefined();
  });

  it.each(taskFiles)('tasks/%s', (file) => {
    expect(pathToBanned(join(tasksDir, file), TFJS)).toBeUndefined();
  });
});
