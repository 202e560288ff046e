/**
 * The browser half of `npm run bench`: builds the bench page (bench/browser, vite.bench.config.ts), serves
 * it from localhost and runs it in headless Chromium with WebGPU enabled (SwiftShader on a machine without
 * a GPU; the real GPU where there is one), one fresh browser per backend so a crashed page loses only its
 * rows. CHROMIUM_PATH overrides /usr/bin/chromium.
 *
 *   npx tsx bench/browser.bench.ts [--backends wasm,webgpu] [--rounds 5] [--steps N]
 *   npx tsx bench/browser.bench.ts --mode experiments [--backends webgpu,wasm] [--steps 100]
 *   npx tsx bench/browser.bench.ts --profile webgpu
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { launch, serveDist } from '../test/browser/harness';
import type { AdapterInfo } from './browser/adapter-info';
import type { ExperimentRow } from './report/experiment-row';
import { parseCount } from './node.bench';
import { markdownTable, notMeasured } from './report/table';
import { sideBySideTable, type BackendResults } from './side-by-side/table';

const TIMEOUT_MS = 15 * 60_000;

export interface BrowserInfo {
  userAgent: string;
  adapter: AdapterInfo;
}

interface PageResult {
  browser: BrowserInfo;
  results?: BackendResults[];
  skipped?: string[];
  experiments?: ExperimentRow[];
  profile?: unknown;
}

async function runPage(url: string, query: string, log: (line: string) => void): Promise<PageResult> {
  const context = await launch({ webgpu: true });
  try {
    const page = await context.newPage();
    page.on('console', (m) => log(`  ${m.type() === 'info' ? '' : `[${m.type()}] `}${m.text()}`));
    page.on('crash', () => log('  [page crashed]'));
    // An error outside the bench's own promise (a module that fails to load) would leave the page waiting
    // forever: end the run with it instead.
    const uncaught = new Promise<never>((_, reject) =>
      page.on('pageerror', (e) => reject(new Error(`the page threw: ${e.message}`))),
    );
    uncaught.catch(() => undefined); // handled by the race below; this keeps Node from calling it unhandled
    await page.goto(`${url}?${query}`);
    await Promise.race([
      uncaught,
      page.waitForFunction(() => 'benchResults' in globalThis || 'benchError' in globalThis, undefined, {
        timeout: TIMEOUT_MS,
        polling: 1000,
      }),
    ]);
    const error = await page.evaluate(() => (globalThis as unknown as { benchError?: string }).benchError);
    if (error) throw new Error(error);
    // Awaited here, before `finally` closes the browser under it.
    return await page.evaluate(() => (globalThis as unknown as { benchResults: PageResult }).benchResults);
  } finally {
    await context.close();
  }
}

export function describeAdapter(a: AdapterInfo): string {
  if (!a.available) return 'no WebGPU adapter';
  const parts = [a.vendor, a.architecture, a.device, a.description].filter(Boolean).join(' / ');
  return `${parts || 'unnamed adapter'}; isFallbackAdapter: ${a.isFallbackAdapter ?? 'not reported'}`;
}

export interface BrowserBenchOptions {
  backends: string[];
  rounds: number;
  steps: number | null;
  log: (line: string) => void;
}

/** The side-by-side tables of every backend, the browser and its adapter, and what could not run. */
export async function runBrowserBench(
  o: BrowserBenchOptions,
): Promise<{ results: BackendResults[]; browser: BrowserInfo | null; markdown: string }> {
  await build({ configFile: 'vite.bench.config.ts', logLevel: 'warn' });
  const server = await serveDist('dist-bench');
  const results: BackendResults[] = [];
  const notes: string[] = [];
  let browser: BrowserInfo | null = null;
  try {
    for (const backend of o.backends) {
      const query = `backends=${backend}&rounds=${o.rounds}${o.steps ? `&steps=${o.steps}` : ''}`;
      try {
        const page = await runPage(server.url, query, o.log);
        browser ??= page.browser;
        results.push(...(page.results ?? []));
        notes.push(...(page.skipped ?? []));
      } catch (error) {
        notes.push(`${backend}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
  } finally {
    await server.close();
  }
  const markdown = sideBySideTable(results) + notMeasured(notes);
  return { results, browser, markdown };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      backends: { type: 'string' },
      rounds: { type: 'string' },
      steps: { type: 'string' },
      mode: { type: 'string' },
      profile: { type: 'string' },
    },
  });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const steps = parseCount('--steps', values.steps, null);
  if (values.mode !== undefined && values.mode !== 'experiments' && values.mode !== 'side-by-side')
    throw new Error(`--mode: unknown '${values.mode}'; accepted: side-by-side, experiments`);
  if (values.profile || values.mode === 'experiments') {
    await build({ configFile: 'vite.bench.config.ts', logLevel: 'warn' });
    const server = await serveDist('dist-bench');
    try {
      const query = values.profile
        ? `profile=${values.profile}`
        : `mode=experiments&backends=${values.backends ?? 'webgpu,wasm'}&steps=${steps ?? 100}`;
      const page = await runPage(server.url, query, log);
      process.stdout.write(`${page.browser.userAgent}; WebGPU: ${describeAdapter(page.browser.adapter)}\n\n`);
      if (page.profile) process.stdout.write(`${JSON.stringify(page.profile, null, 1)}\n`);
      else
        process.stdout.write(
          markdownTable(
            ['backend', 'experiment', 'steps/s', 'work per step', 'tensors held'],
            (page.experiments ?? []).map((r) => [
              r.backend,
              r.experiment,
              r.stepsPerSecond.toFixed(1),
              `${r.workPerStep} ${r.unit}`,
              String(r.tensorsHeld),
            ]),
            ['l', 'l', 'r', 'r', 'r'],
          ),
        );
    } finally {
      await server.close();
    }
    return;
  }
  const { browser, markdown } = await runBrowserBench({
    backends: (values.backends ?? 'wasm,webgpu').split(',').filter(Boolean),
    rounds: parseCount('--rounds', values.rounds, 5) as number,
    steps,
    log,
  });
  if (browser) process.stdout.write(`${browser.userAgent}; WebGPU: ${describeAdapter(browser.adapter)}\n\n`);
  process.stdout.write(markdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`browser bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
