/**
 * The page's own files: the icon index.html links exists in public/, so browsers do not ask for
 * /favicon.ico (a 404 and a console error on every load of the static site).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('index.html', () => {
  it('links an icon that public/ holds', () => {
    const html = readFileSync('index.html', 'utf8');
    const href = /<link\s+rel="icon"[^>]*\shref="([^"]+)"/.exec(html)?.[1];
    expect(href).toMatch(/\.svg$/);
    const file = `public/${href?.replace(/^\.?\//, '')}`;
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});
