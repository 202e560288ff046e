/** The diagram descriptions the UI draws: every architecture has one, and it follows its parameters. */
import { describe, expect, it } from 'vitest';
import { ARCHITECTURE_CARDS } from './catalogue';
import { CASES, entry, withDefaults } from './testing';
import type { DiagramRow } from './diagram';

const kinds = (rows: DiagramRow[]) => rows.map((r) => r.map((b) => b.kind).join(' '));

describe('architecture diagrams', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: inputs first, one head per task last', (_, c) => {
    for (const T of [2, 3]) {
      const rows = c.entry.diagram?.(c.params, T);
      expect(rows).toBeDefined();
      if (!rows || c.entry.group === 'point') continue;
      expect(kinds(rows)[0]).toBe('io');
      expect(rows[rows.length - 1]?.map((b) => [b.kind, b.task, b.label])).toEqual(
        Array.from({ length: T }, (_, t) => ['head', t, '{task}']),
      );
      for (const box of rows.flat()) {
        expect(box.label.length).toBeGreaterThan(0);
        expect(box.title.length).toBeGreaterThan(5);
        if (box.task !== undefined) expect(box.task).toBeLessThan(T);
      }
    }
  });

  it('layer sharing: one clickable box per shared layer, one per task otherwise, each naming its layer', () => {
    const e = entry('layer-sharing');
    const rows = e.diagram?.(withDefaults(e, { widths: [8, 6, 4], shared: [true, false, true] }), 2) ?? [];
    expect(kinds(rows)).toEqual(['io', 'shared', 'task task', 'shared', 'head head']);
    expect(rows.slice(1, 4).map((r) => r.map((b) => b.toggleShared))).toEqual([[0], [1, 1], [2]]);
    // Nothing else is clickable: a box flips the boolean-list parameter `shared`, which only this card has.
    for (const a of ARCHITECTURE_CARDS.filter((c) => !('shared' in c.params))) {
      const boxes = a.diagram?.(withDefaults(a), 2).flat() ?? [];
      expect(boxes.some((b) => b.toggleShared !== undefined)).toBe(false);
    }
  });

  it('expert architectures show their experts and gates; PLE a shared gate below its last level', () => {
    const ple = entry('ple');
    const rows = ple.diagram?.(withDefaults(ple, { levels: 3, sharedExperts: 2, taskExperts: 1 }), 2) ?? [];
    expect(kinds(rows)).toEqual([
      'io',
      'expert task task',
      'gate gate gate',
      'expert task task',
      'gate gate gate',
      'expert task task',
      'gate gate',
      'head head',
    ]);
    expect(rows[1]?.map((b) => b.span)).toEqual([2, 1, 1]);
    const cgc = entry('cgc');
    expect(kinds(cgc.diagram?.(withDefaults(cgc, { taskExperts: 0 }), 2) ?? [])).toEqual([
      'io',
      'expert',
      'gate gate',
      'head head',
    ]);
    const dsk = entry('dselect-k');
    const d = dsk.diagram?.(withDefaults(dsk, { experts: 5, k: 2 }), 3) ?? [];
    expect(kinds(d)[1]).toBe('expert expert expert expert expert');
    expect(d[2]?.map((b) => b.label)).toEqual(['select 2 of 5', 'select 2 of 5', 'select 2 of 5']);
  });

  it('soft sharing: attention masks per layer (MTAN), branching between block rows (LTB), adapters (LoRA), modulations (FiLM)', () => {
    const at = (id: string, p: Record<string, number[]>) => {
      const e = entry(id);
      return kinds(e.diagram?.(withDefaults(e, p), 2) ?? []);
    };
    expect(at('mtan', { widths: [8, 4] })).toEqual([
      'io',
      'shared',
      'attention attention',
      'shared',
      'attention attention',
      'head head',
    ]);
    expect(at('ltb', { widths: [8, 4] })).toEqual([
      'io',
      'expert expert',
      'gate',
      'expert expert',
      'head head',
    ]);
    expect(at('lora', { widths: [8] })).toEqual(['io', 'shared', 'task task', 'head head']);
    expect(at('film', { widths: [8, 4] })).toEqual([
      'io',
      'shared',
      'task task',
      'shared',
      'task task',
      'head head',
    ]);
  });
});
