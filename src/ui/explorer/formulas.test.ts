/** Every formula the explorer shows is valid TeX for KaTeX (a typo would otherwise render in red). */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { EXPLORER_NOTES } from '../../engine/methods/explorer-notes';

describe('explorer formulas', () => {
  for (const note of EXPLORER_NOTES)
    it(`typesets ${note.id}'s rule`, () => {
      const html = katex.renderToString(note.tex, { displayMode: true, throwOnError: true });
      expect(html).toContain('katex-display');
    });
});
