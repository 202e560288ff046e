/**
 * `npm run bench -- --only cache` (or `npx tsx bench/cache.bench.ts`): the measured time of the embedding
 * cache (issue 15 §2, src/engine/embedding-cache/) next to the FLOPs its report counts. On the preset
 * public/presets/embedding-cache.json (two 32-unit tanh layers, batch 64) and on a wide trunk (two 256-unit
 * layers, batch 128, where the trunk dominates a step's time), six settings train side by side: no cache,
 * `bottom-cache` refreshEvery 1 (every row a miss: the bookkeeping's cost), 10, 50, 100, and a bottom frozen
 * from step 0. Every trainer first runs `--warmup` steps (default 100, the longest refresh period, so every
 * cache has been through a refresh), then rounds time one block of `--steps` steps per setting (5x as many
 * on the preset, whose steps are cheap), the order reversing every other round so a busy machine's drift
 * hits all alike. Hit rate and FLOPs saved are counted
 * over exactly the timed steps (the report's running totals before and after each block); ms/step is the
 * median over rounds and "time saved" the median of each round's saving against that round's uncached block
 * (wall clock, and this process's CPU time, steadier on a shared machine). Defaults (100 steps, 3 rounds)
 * take about a minute on a 2-core machine, most of it the wide trunk's uncached steps.
 *
 *   npx tsx bench/cache.bench.ts [--steps N] [--rounds N] [--warmup N] [--backends wasm,cpu] [--trunks preset,wide]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { initNodeBackend, type NodeBackendName } from '../src/backend/node';
import { createTrainer, parseConfig, type Trainer } from '../src/engine';
import type { TrunkShape } from '../src/engine/embedding-cache/flops';
import {
  blockCounts,
  cacheTotals,
  percent,
  timeSaved,
  trunkShareOfStep,
  type BlockCounts,
  type CacheTotals,
} from './cache/figures';
import { parseBackends, parseCount } from './node.bench';
import { markdownTable, median, notMeasured } from './report/table';

export interface CacheBenchOptions {
  backends: readonly NodeBackendName[];
  trunks: readonly TrunkName[];
  steps: number;
  rounds: number;
  warmup: number;
  log?: (line: string) => void;
}

/**
 * The two networks: the preset's, and one wide enough that the trunk is most of a step's time. The preset's
 * step is ~40x cheaper on WASM, so its blocks run `blockScale` times `--steps`: a block of 100 of its steps
 * lasts under 0.1 s, short enough that another process's burst on a shared machine decides the figure.
 */
const TRUNKS = {
  preset: { width: 32, batchSize: 64, blockScale: 5 },
  wide: { width: 256, batchSize: 128, blockScale: 1 },
} as const;
export type TrunkName = keyof typeof TRUNKS;

/** What `npm run bench -- --only cache` runs (about a minute on our 2-core machine); flags change it. */
export const CACHE_BENCH_DEFAULTS = {
  backends: ['wasm'],
  trunks: ['preset', 'wide'],
  steps: 100,
  rounds: 3,
  warmup: 100,
} as const satisfies Omit<CacheBenchOptions, 'log'>;

/** The trunk's share of a step's counted FLOPs: playground-2d's 2 inputs, 2 tasks of one logit each. */
const trunkShareOf = (trunk: TrunkName): number => {
  const w = TRUNKS[trunk].width;
  const layers: TrunkShape = [
    { in: 2, out: w },
    { in: w, out: w },
  ];
  return trunkShareOfStep(layers, 2, 1);
};

/** The settings compared, as the `embeddingCache` section (null: none). */
const SETTINGS: readonly { label: string; section: Record<string, unknown> | null }[] = [
  { label: 'no cache', section: null },
  ...[1, 10, 50, 100].map((refreshEvery) => ({
    label: `refresh ${refreshEvery}`,
    section: { id: 'bottom-cache', params: { refreshEvery } },
  })),
  { label: 'frozen from step 0', section: { id: 'bottom-cache', params: { frozen: true, warmupSteps: 0 } } },
];

function configOf(trunk: TrunkName, section: Record<string, unknown> | null): Record<string, unknown> {
  const url = new URL('../public/presets/embedding-cache.json', import.meta.url);
  const preset = JSON.parse(readFileSync(url, 'utf8')) as Record<string, Record<string, unknown>>;
  const { width, batchSize } = TRUNKS[trunk];
  const { embeddingCache: _preset, ...base } = preset;
  const architecture = preset.architecture as { params: Record<string, unknown> };
  return {
    ...base,
    architecture: { ...architecture, params: { ...architecture.params, widths: [width, width] } },
    batchSize,
    ...(section ? { embeddingCache: section } : {}),
  };
}

/** Seconds of CPU this process used (user + system): on a shared machine, steadier than wall time. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

interface Block {
  wallMs: number;
  cpuMs: number;
  counts: BlockCounts;
}

/** One timed block of `steps` steps; the reports around it (evaluation included) are not timed. */
async function timeBlock(
  trainer: Trainer,
  before: CacheTotals,
  steps: number,
): Promise<[Block, CacheTotals]> {
  const cpu = cpuSeconds();
  const start = performance.now();
  await trainer.step(steps);
  const wallMs = (performance.now() - start) / steps;
  const cpuMs = ((cpuSeconds() - cpu) * 1000) / steps;
  const after = cacheTotals((await trainer.report()).embeddingCache);
  return [{ wallMs, cpuMs, counts: blockCounts(before, after) }, after];
}

async function benchTrunk(trunk: TrunkName, backend: string, o: CacheBenchOptions): Promise<string[][]> {
  const trainers = SETTINGS.map((s) => createTrainer(parseConfig(configOf(trunk, s.section))));
  try {
    const totals: CacheTotals[] = [];
    for (const t of trainers) {
      await t.step(o.warmup);
      totals.push(cacheTotals((await t.report()).embeddingCache));
    }
    const blocks: Block[][] = SETTINGS.map(() => []);
    for (let round = 0; round < o.rounds; round++) {
      const order = SETTINGS.map((_, i) => i);
      if (round % 2) order.reverse();
      for (const i of order) {
        const steps = o.steps * TRUNKS[trunk].blockScale;
        const [block, after] = await timeBlock(trainers[i] as Trainer, totals[i] as CacheTotals, steps);
        blocks[i]?.push(block);
        totals[i] = after;
      }
      o.log?.(`cache bench, ${backend}, ${trunk}: round ${round + 1} of ${o.rounds}`);
    }
    const width = TRUNKS[trunk].width;
    const trunkShare = trunkShareOf(trunk);
    const uncached = blocks[0] ?? [];
    return SETTINGS.map((s, i) => {
      const mine = blocks[i] ?? [];
      const saved = median(mine.map((b, r) => timeSaved(b.wallMs, uncached[r]?.wallMs ?? NaN)));
      const cpuSaved = median(mine.map((b, r) => timeSaved(b.cpuMs, uncached[r]?.cpuMs ?? NaN)));
      const hitRate = median(mine.map((b) => b.counts.hitRate));
      const trunkSaved = median(mine.map((b) => b.counts.trunkFlopsSaved));
      const wallMs = median(mine.map((b) => b.wallMs));
      return [
        `${backend}, ${trunk} (${width}-wide)`,
        s.label,
        percent(hitRate),
        percent(trunkSaved),
        percent(trunkSaved * trunkShare),
        wallMs.toFixed(2),
        (1000 / wallMs).toFixed(0),
        median(mine.map((b) => b.cpuMs)).toFixed(2),
        i === 0 ? '–' : percent(saved),
        i === 0 ? '–' : percent(cpuSaved),
      ];
    });
  } finally {
    for (const t of trainers) t.dispose();
  }
}

export async function runCacheBench(o: CacheBenchOptions): Promise<{ markdown: string }> {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const backend of o.backends) {
    try {
      const name = await initNodeBackend(backend);
      for (const trunk of o.trunks) rows.push(...(await benchTrunk(trunk, name, o)));
    } catch (error) {
      notes.push(`Node, ${backend}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const head = [
    'where',
    'setting',
    'hit rate',
    'trunk FLOPs saved',
    'step FLOPs saved',
    'ms/step',
    'steps/s',
    'CPU ms/step',
    'time saved',
    'CPU time saved',
  ];
  const shares = (Object.keys(TRUNKS) as TrunkName[])
    .filter((t) => o.trunks.includes(t))
    .map((t) => `${t} ${percent(trunkShareOf(t))}`);
  const intro =
    `The embedding-cache preset (xor and gauss, 512 training rows, Adam 0.01) at two trunk widths, ` +
    `${o.warmup} warm-up steps per trainer, then ${o.rounds} interleaved rounds of ${o.steps} timed steps per setting (${o.steps * TRUNKS.preset.blockScale} for the preset's cheaper steps); ` +
    `medians over rounds. Hit rate and FLOPs saved are counted by Report.embeddingCache over the timed steps; ` +
    `"step FLOPs saved" scales them by the trunk's share of a step's counted FLOPs (${shares.join(', ')}; ` +
    `heads included, optimizer and losses not); "time saved" (wall clock) and "CPU time saved" (this process's user + system time, steadier on a shared machine) are measured against the uncached step of the same round.\n\n`;
  const align: ('l' | 'r')[] = ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'];
  return { markdown: intro + markdownTable(head, rows, align) + notMeasured(notes) };
}

export function parseTrunks(value: string | undefined): TrunkName[] {
  const names = (value ?? Object.keys(TRUNKS).join(',')).split(',').filter(Boolean);
  for (const n of names)
    if (!(n in TRUNKS))
      throw new Error(`--trunks: unknown '${n}'; accepted: ${Object.keys(TRUNKS).join(', ')}`);
  return names as TrunkName[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      steps: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      backends: { type: 'string' },
      trunks: { type: 'string' },
    },
  });
  const d = CACHE_BENCH_DEFAULTS;
  const { markdown } = await runCacheBench({
    backends: parseBackends(values.backends ?? d.backends.join(',')),
    trunks: parseTrunks(values.trunks ?? d.trunks.join(',')),
    steps: parseCount('--steps', values.steps, d.steps) as number,
    rounds: parseCount('--rounds', values.rounds, d.rounds) as number,
    warmup: parseCount('--warmup', values.warmup, d.warmup) as number,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(markdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`cache bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
