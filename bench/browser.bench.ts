/**
 * `npm run bench:browser`: builds bench/browser, serves it from localhost and runs it in headless Chromium,
 * once with WebGPU enabled (SwiftShader here; a real GPU where there is one) and once without, printing a
 * Markdown table of steps/s, kernels per step and tensors held. CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { build } from 'vite';
import { launch, serveDist } from '../test/browser/harness';

interface BenchRow {
  backend: string;
  experiment: string;
  stepsPerSecond: number;
  kernelsPerStep: number;
  tensorsHeld: number;
}

const steps = Number(process.env.BENCH_STEPS ?? 100);
const TIMEOUT_MS = 20 * 60_000;

async function runIn(url: string, webgpu: boolean, backends: string): Promise<BenchRow[]> {
  const context = await launch({ webgpu });
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      console.error(`[page ${m.type()}] ${m.text()}`);
    });
    page.on('crash', () => console.error('[page crashed]'));
    await page.goto(`${url}?steps=${steps}&backends=${backends}&matmul=${process.env.BENCH_MATMUL ?? ''}`);
    await page.waitForFunction(() => 'benchResults' in globalThis || 'benchError' in globalThis, undefined, {
      timeout: TIMEOUT_MS,
      polling: 1000,
    });
    const error = await page.evaluate(() => (globalThis as unknown as { benchError?: string }).benchError);
    if (error) throw new Error(error);
    return page.evaluate(() => (globalThis as unknown as { benchResults: BenchRow[] }).benchResults);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  await build({ configFile: 'vite.bench.config.ts', logLevel: 'warn' });
  const server = await serveDist('dist-bench');
  if (process.env.BENCH_PROFILE) {
    const context = await launch({ webgpu: true });
    const page = await context.newPage();
    await page.goto(
      `${server.url}?profile=${process.env.BENCH_PROFILE}&matmul=${process.env.BENCH_MATMUL ?? ''}`,
    );
    await page.waitForFunction(() => 'benchResults' in globalThis || 'benchError' in globalThis, undefined, {
      timeout: TIMEOUT_MS,
    });
    console.log(
      JSON.stringify(
        await page.evaluate(() => (globalThis as unknown as { benchResults: unknown }).benchResults, null),
        null,
        0,
      ).replace(/\],\[/g, '],\n['),
    );
    await context.close();
    await server.close();
    return;
  }
  try {
    const runs: [boolean, string][] = [[true, process.env.BENCH_BACKENDS ?? 'webgpu']];
    if (process.env.BENCH_FALLBACKS !== '') runs.push([false, process.env.BENCH_FALLBACKS ?? 'webgl,wasm']);
    console.log(`| backend | experiment | steps/s | kernels/step | tensors held |`);
    console.log(`| --- | --- | ---: | ---: | ---: |`);
    for (const [webgpu, backends] of runs) {
      // One browser per run: a crashed page (it happens to SwiftShader's WebGL here) loses only its rows.
      const rows = await runIn(server.url, webgpu, backends).catch((error: unknown) => {
        console.error(`${backends}: ${String(error)}`);
        return [] as BenchRow[];
      });
      for (const r of rows)
        console.log(
          `| ${r.backend} | ${r.experiment} | ${r.stepsPerSecond.toFixed(1)} | ${r.kernelsPerStep} | ${r.tensorsHeld} |`,
        );
    }
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
