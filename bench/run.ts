/**
 * `npm run bench`: our training step against a naive tfjs step of the same model, side by side and
 * interleaved, in Node (cpu, wasm) and in headless Chromium (wasm, webgpu); then the app's start-up and
 * responsiveness; then a PyTorch CPU loop of the same model where torch imports; then what a 5-seed study
 * costs against one run (seeds one by one and batched). Prints Markdown, headed by the machine it ran on.
 * docs/benchmarks.md says what each table means.
 *
 *   npm run bench -- [--only node,browser,app,torch,study,methods,mnist,cache] [--steps N] [--rounds N] [--seconds N]
 *
 * --only picks parts (default: node,browser,app,torch,study; `methods`, every method relative to EW on the
 * cpu backend, and `mnist`, MultiMNIST's presets in the app to 85% test accuracy on WASM and for steps/s on
 * WebGPU (bench/multi-mnist/app.bench.ts, ~8 minutes), and `cache`, the embedding cache's measured time per
 * step against the FLOPs its report counts, WASM, preset and 256-wide trunks (bench/cache.bench.ts, ~1
 * minute), run only when asked). --steps fixes the steps per timed block (default: sized so a block of
 * the naive step takes ~0.5 s; PyTorch: 200; cache: 100). --rounds: interleaved rounds (default 7 in Node,
 * 5 in Chromium, 3 for study and cache). --seconds: training window per app scenario (default 30).
 */
import { readFileSync } from 'node:fs';
import { cpus, release, type as osType } from 'node:os';
import { parseArgs } from 'node:util';
import { chromiumVersion, DEFAULT_SCENARIOS, runAppBench } from './app.bench';
import { describeAdapter, runBrowserBench } from './browser.bench';
import { CACHE_BENCH_DEFAULTS, runCacheBench } from './cache.bench';
import { runMethodsBench } from './methods.bench';
import { mnistAppOptions, runMnistAppBench } from './multi-mnist/app.bench';
import { runStudyBench } from './study.bench';
import { parseCount, runNodeBench } from './node.bench';
import { NODE_BACKENDS } from '../src/backend/node';
import { runTorchBench } from './torch.bench';

const PARTS = ['node', 'browser', 'app', 'torch', 'study', 'methods', 'mnist', 'cache'] as const;
type Part = (typeof PARTS)[number];
const DEFAULT_PARTS: Part[] = ['node', 'browser', 'app', 'torch', 'study'];

function osName(): string {
  try {
    const pretty = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1];
    if (pretty) return `${pretty} (${osType()} ${release()})`;
  } catch {
    // Not Linux: the kernel name and release say enough.
  }
  return `${osType()} ${release()}`;
}

export function machine(): string {
  const cpu = cpus();
  return [
    `- CPU: ${cpu[0]?.model.trim() ?? 'unknown'}, ${cpu.length} logical cores`,
    `- OS: ${osName()}`,
    `- Node ${process.version}`,
    `- ${chromiumVersion()}`,
    `- date: ${new Date().toISOString()}`,
  ].join('\n');
}

function parseParts(value: string | undefined): Part[] {
  if (value === undefined) return DEFAULT_PARTS;
  const parts = value.split(',').filter(Boolean);
  for (const p of parts)
    if (!(PARTS as readonly string[]).includes(p))
      throw new Error(`--only: unknown part '${p}'; accepted: ${PARTS.join(', ')}`);
  return parts as Part[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      steps: { type: 'string' },
      rounds: { type: 'string' },
      seconds: { type: 'string' },
    },
  });
  const parts = parseParts(values.only);
  const steps = parseCount('--steps', values.steps, null);
  const rounds = parseCount('--rounds', values.rounds, null);
  const seconds = parseCount('--seconds', values.seconds, 30) as number;
  const out = (text: string) => process.stdout.write(text);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  out(`# npm run bench\n\n${machine()}\n`);

  /** Runs one part; a part that fails says so and the next one still runs. */
  const part = async (name: Part, title: string, body: () => Promise<void>) => {
    if (!parts.includes(name)) return;
    out(`\n## ${title}\n\n`);
    try {
      await body();
    } catch (error) {
      out(`not measured: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  };

  await part('node', 'Node: ours vs the naive tfjs step (kernels per step: tf.profile)', async () => {
    const { markdown } = await runNodeBench({
      backends: [...NODE_BACKENDS],
      steps,
      rounds: rounds ?? 7,
      log,
    });
    out(markdown);
  });
  await part(
    'browser',
    'Chromium: ours vs the naive tfjs step (GPU dispatches per step on WebGPU, tf.profile kernels on WASM)',
    async () => {
      const { browser, markdown } = await runBrowserBench({
        backends: ['wasm', 'webgpu'],
        rounds: rounds ?? 5,
        steps,
        log,
      });
      if (browser) out(`${browser.userAgent}\n\nWebGPU adapter: ${describeAdapter(browser.adapter)}\n\n`);
      out(markdown);
    },
  );
  await part(
    'app',
    `The app (production build): start-up, first chart point, ${seconds} s of training`,
    async () => {
      out((await runAppBench({ seconds, build: true, scenarios: DEFAULT_SCENARIOS })).markdown);
    },
  );
  await part('torch', 'PyTorch, CPU: the same model and batch', () => {
    out(runTorchBench(steps ?? 200).markdown);
    return Promise.resolve();
  });
  await part(
    'study',
    'Node: a 5-seed study against one run (seeds one by one, batched, and on 2 threads)',
    async () => {
      const { markdown } = await runStudyBench({
        backends: ['wasm', 'cpu'],
        steps: steps ?? 500,
        rounds: rounds ?? 3,
        seeds: 5,
        threads: 2,
        log,
      });
      out(markdown);
    },
  );
  await part('methods', 'Node, cpu: every method relative to EW (median of 3 runs)', async () => {
    out((await runMethodsBench(steps ?? 200)).markdown);
  });
  await part('mnist', 'MultiMNIST in the app: Train → both tasks at 85% test accuracy', async () => {
    out((await runMnistAppBench(mnistAppOptions({}))).markdown);
  });
  await part(
    'cache',
    'Node, wasm: the embedding cache, time per step against the FLOPs it counts',
    async () => {
      const { markdown } = await runCacheBench({
        ...CACHE_BENCH_DEFAULTS,
        steps: steps ?? 100,
        rounds: rounds ?? 3,
        log,
      });
      out(markdown);
    },
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
