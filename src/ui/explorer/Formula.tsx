/** A formula typeset by KaTeX (display mode). KaTeX's own markup, from our fixed TeX strings only. */
import katex from 'katex';
import { useMemo } from 'react';

export function Formula({ tex }: { tex: string }) {
  const html = useMemo(() => katex.renderToString(tex, { displayMode: true, throwOnError: false }), [tex]);
  // The TeX is ours (method-notes.ts), never user input; KaTeX escapes what it prints.
  return <div className="explorer-formula" dangerouslySetInnerHTML={{ __html: html }} />;
}
