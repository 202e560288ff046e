/** Markdown tables for the bench's output: padded columns so the raw text reads as well as the render. */
export type Align = 'l' | 'r';

export function markdownTable(head: string[], rows: string[][], align: Align[] = []): string {
  const widths = head.map((h, c) => Math.max(h.length, 3, ...rows.map((r) => (r[c] ?? '').length)));
  const pad = (text: string, c: number) =>
    align[c] === 'r' ? text.padStart(widths[c] ?? 0) : text.padEnd(widths[c] ?? 0);
  const line = (cells: string[]) => `| ${cells.map((cell, c) => pad(cell, c)).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (align[c] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)].join('\n') + '\n';
}

/** Median of a non-empty list (NaN for an empty one). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** "- not measured: …" lines after a table, one per thing that could not run; empty when none. */
export function notMeasured(notes: readonly string[]): string {
  return notes.length ? `\n${notes.map((n) => `- not measured: ${n}\n`).join('')}` : '';
}
