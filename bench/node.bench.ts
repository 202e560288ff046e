/**
 * Ours vs the naive tfjs step in Node, on the cpu and wasm backends, interleaved (bench/side-by-side).
 * Kernels per step are tf.profile's count (it includes no-op Reshape/Identity kernels on both sides).
 *
 *   npx tsx bench/node.bench.ts [--steps N] [--rounds N] [--backends cpu,wasm]
 */
import * as tf from '@tensorflow/tfjs-core';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { initNodeBackend, NODE_BACKENDS, type NodeBackendName as NodeBackend } from '../src/backend/node';
import { NAIVE_ID, startContenders, type Contender } from './side-by-side/contenders';
import { interleave } from './side-by-side/interleave';
import { notMeasured } from './report/table';
import { sideBySideTable, type BackendResults } from './side-by-side/table';

export interface NodeBenchOptions {
  backends: NodeBackend[];
  steps: number | null;
  rounds: number;
  log?: (line: string) => void;
}

async function kernelsOf(fn: () => Promise<void>): Promise<number> {
  const profile = await tf.profile(fn);
  return profile.kernels.length;
}

export async function runNodeBench(
  o: NodeBenchOptions,
): Promise<{ results: BackendResults[]; markdown: string }> {
  const results: BackendResults[] = [];
  const notes: string[] = [];
  for (const backend of o.backends) {
    const name = await initNodeBackend(backend);
    o.log?.(`Node, ${name}:`);
    let contenders: Contender[] = [];
    try {
      const started = await startContenders(30);
      contenders = started.contenders;
      for (const f of started.failures) notes.push(`Node, ${name}, ${f}`);
      if (!contenders.some((c) => c.id === NAIVE_ID)) throw new Error('the naive step failed to start');
      const rows = await interleave(contenders, {
        rounds: o.rounds,
        steps: o.steps,
        warmupSteps: 30,
        blockMs: 500,
        minSteps: 10,
        count: kernelsOf,
        countSteps: 5,
        now: () => performance.now(),
        ...(o.log ? { log: o.log } : {}),
      });
      results.push({ where: `Node, ${name}`, unit: 'kernels', results: rows });
    } catch (error) {
      // A backend the engine cannot train on today is a line in the output, not the end of the run.
      notes.push(`Node, ${name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      for (const c of contenders) c.dispose();
    }
  }
  return {
    results,
    markdown: sideBySideTable(results) + notMeasured(notes),
  };
}

export function parseBackends(value: string | undefined): NodeBackend[] {
  const names = (value ?? NODE_BACKENDS.join(',')).split(',').filter(Boolean);
  for (const n of names)
    if (!(NODE_BACKENDS as readonly string[]).includes(n))
      throw new Error(`--backends: unknown '${n}'; accepted: ${NODE_BACKENDS.join(', ')}`);
  return names as NodeBackend[];
}

export function parseCount(flag: string, value: string | undefined, fallback: number | null): number | null {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: expected a whole number ≥ 1, got '${value}'`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { steps: { type: 'string' }, rounds: { type: 'string' }, backends: { type: 'string' } },
  });
  const { markdown } = await runNodeBench({
    backends: parseBackends(values.backends),
    steps: parseCount('--steps', values.steps, null),
    rounds: parseCount('--rounds', values.rounds, 7) as number,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(markdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`node bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
