/**
 * The page's budget: the JavaScript the main thread loads before anything else (the entry chunk of
 * dist/index.html and every chunk it imports statically, transitively) is at most 190 kB gzip and holds no
 * tfjs. Training code reaches the page only through the worker or the dynamic import of the main-thread
 * fallback, which load later and off this budget. Reads the production build (`vite build` runs first in
 * `npm run test:browser`); no browser needed. The sourcemaps say which modules each chunk holds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';
/**
 * 247 kB before issue 13; its first-visit views added 16 kB (lesson cards and classroom links ~6, the
 * network view ~4, zod/mini for lesson files ~2, new task suites ~2, keyboard help ~1); issue 14's own data
 * (drop zone, preview, Your data ~5, the csv suite ~3) and image grid ~2.5 took it to 276 kB. Then Recharts
 * (~100 kB gzip) moved off: a time chart loads its plot when first drawn (TimeSeriesCard), which left 167 kB.
 */
const BUDGET_GZIP_BYTES = 190 * 1000;

/** Static import specifiers of a (minified) ES module: `import ... from "x"`, `import "x"`, `export ... from "x"`. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'])([^"'\n]+)\1/g;
  for (const match of code.matchAll(pattern)) if (match[2]) found.add(match[2]);
  return [...found];
}

/** The entry chunk of dist/index.html and every chunk it imports statically, as paths under dist/. */
function mainThreadChunks(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = /<script\b[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/index.html has no module script');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(readFileSync(join(DIST, file), 'utf8')))
      if (spec.startsWith('.')) visit(relative(DIST, join(DIST, dirname(file), spec)));
  };
  visit(relative(DIST, join(DIST, entry)));
  return [...seen];
}

/** The source modules bundled into a chunk, from its sourcemap. */
function sourcesOf(file: string): string[] {
  const mapPath = join(DIST, `${file}.map`);
  // rolldown's runtime-helper chunk (CommonJS interop for papaparse) has no sourcemap: it names no
  // module, so its own text is what could mention tfjs.
  if (!existsSync(mapPath))
    return readFileSync(join(DIST, file), 'utf8').includes('@tensorflow/') ? [`${file} (@tensorflow/)`] : [];
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[] };
  return map.sources;
}

describe('main-thread bundle', () => {
  it('finds static imports, not dynamic ones', () => {
    const code = `import{a as b}from"./x.js";import"./y.js";export{c}from'./z.js';const w=import("./lazy.js");`;
    expect(staticImports(code)).toEqual(['./x.js', './y.js', './z.js']);
  });

  it('is at most 190 kB gzip and holds no tfjs', () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `vite build` first');
    const chunks = mainThreadChunks();
    const sizes = chunks.map((file) => ({ file, gzip: gzipSync(readFileSync(join(DIST, file))).length }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
    console.log(
      `main-thread JS: ${kB(total)} gzip of ${kB(BUDGET_GZIP_BYTES)} (${sizes.map((s) => `${s.file} ${kB(s.gzip)}`).join(', ')})`,
    );
    const tfjs = chunks.flatMap((file) =>
      sourcesOf(file)
        .filter((source) => source.includes('@tensorflow/'))
        .map((source) => `${file}: ${source}`),
    );
    expect(tfjs.slice(0, 10), `${tfjs.length} tfjs modules on the main thread`).toEqual([]);
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });
});
