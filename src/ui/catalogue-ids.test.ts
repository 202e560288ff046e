/**
 * The page picks pictures and rules from what the registries declare (views, cards, the validator), never
 * from which entry is chosen: no string literal in src/ui or src/state (tests aside) may equal a task-suite,
 * architecture, method or sampling-strategy id.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ARCHITECTURE_CARDS } from '../engine/architectures/catalogue';
import { METHOD_CARDS } from '../engine/methods/catalogue';
import { SAMPLERS } from '../engine/sampling/registry';
import { TASK_SUITES } from '../engine/tasks/registry';

const IDS = new Map<string, string>([
  ...TASK_SUITES.map((e) => [e.id, 'task suite'] as const),
  ...ARCHITECTURE_CARDS.map((e) => [e.id, 'architecture'] as const),
  ...METHOD_CARDS.map((e) => [e.id, 'method'] as const),
  ...SAMPLERS.map((e) => [e.id, 'sampling strategy'] as const),
]);

/**
 * Whether a literal is one of our own discriminants, not a registry choice: a literal type, or compared with
 * a `kind` or `type` field (`error.kind === 'config'` is a config error, not the ConFIG method).
 */
function isDiscriminant(node: ts.Node): boolean {
  if (ts.isLiteralTypeNode(node.parent)) return true;
  const parent = node.parent;
  if (!ts.isBinaryExpression(parent)) return false;
  const op = parent.operatorToken.kind;
  const equality = [
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ].includes(op);
  const other = parent.left === node ? parent.right : parent.left;
  return equality && ts.isPropertyAccessExpression(other) && ['kind', 'type'].includes(other.name.text);
}

/** Every string literal of a source (quoted, template without substitutions, JSX attribute and text). */
export function stringLiterals(file: string, text: string): { value: string; line: number }[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const out: { value: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
    if ((literal && !isDiscriminant(node)) || ts.isJsxText(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      out.push({ value: ts.isJsxText(node) ? node.text.trim() : node.text, line });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Where 'csv' is a file format (export as CSV), not the own-data task suite of the same name: the files that
 * export tables. Anywhere else the suite is named by CSV_SUITE_ID.
 */
const FILE_FORMAT_WORDS = new Map<string, readonly string[]>([
  ['src/ui/runs/ExportMenu.tsx', ['csv']],
  ['src/ui/study/StudyResults.tsx', ['csv']],
  ['src/state/study/study-file.ts', ['csv']],
]);

/** "path:line 'id' (kind)" for every literal naming a catalogue id. */
function idsNamed(files: readonly string[], read: (file: string) => string): string[] {
  return files.flatMap((file) =>
    stringLiterals(file, read(file))
      .filter(({ value }) => IDS.has(value) && !FILE_FORMAT_WORDS.get(file)?.includes(value))
      .map(({ value, line }) => `${file}:${line} '${value}' (${IDS.get(value)})`),
  );
}

describe('the page names no catalogue id', () => {
  it('finds none in src/ui and src/state', () => {
    const files = [...sources('src/ui'), ...sources('src/state')];
    expect(files.length).toBeGreaterThan(20);
    expect(idsNamed(files, (f) => readFileSync(f, 'utf8'))).toEqual([]);
  });

  it('would find one, in any form of literal', () => {
    const method = METHOD_CARDS[1]?.id ?? '';
    const suite = TASK_SUITES[0]?.id ?? '';
    const text = [
      `const a = '${method}';`,
      `const b = <Chart kind="${suite}">${suite}</Chart>;`,
      `const c = config.method.id === \`${method}\` || error.kind === '${method}';`,
      `type K = '${suite}';`,
    ].join('\n');
    expect(idsNamed(['x.tsx'], () => text)).toEqual([
      `x.tsx:1 '${method}' (method)`,
      `x.tsx:2 '${suite}' (task suite)`,
      `x.tsx:2 '${suite}' (task suite)`,
      `x.tsx:3 '${method}' (method)`,
    ]);
  });
});
