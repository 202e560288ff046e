/**
 * The fused kernels on WebGPU (SwiftShader in headless Chromium): every kernel against its composition of
 * tfjs ops, a flat tensor count, and real GPU dispatches of the training-step pieces before and after
 * fusion. The page (kernels-page/) is served by Vite's dev server, which compiles its TypeScript and the
 * engine sources it imports; nothing is built into dist/.
 */
import type { BrowserContext } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './harness';
import type { KernelPageReport } from './kernels-page/main';

let server: ViteDevServer;
let context: BrowserContext;
beforeAll(async () => {
  server = await createServer({
    root: 'test/browser/kernels-page',
    configFile: false,
    logLevel: 'error',
    server: { host: 'localhost', port: 0, strictPort: false },
    // Its own dependency cache, so that the app's or the benchmarks' dev servers never invalidate it, and
    // tfjs pre-bundled up front: a dependency found late makes Vite reload the page mid-run.
    cacheDir: 'node_modules/.vite-kernels-page',
    optimizeDeps: {
      include: [
        '@tensorflow/tfjs-core',
        '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops',
        '@tensorflow/tfjs-core/dist/register_all_gradients',
        '@tensorflow/tfjs-backend-webgpu',
      ],
    },
  });
  await server.listen();
  context = await launch({ webgpu: true });
});
afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('fused kernels on WebGPU', () => {
  it('match their compositions, leak nothing, and cut the dispatches of a step', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Chromium reports WebGPU validation errors (a WGSL compile error, a binding the shader dropped) as
    // warnings, and every command submitted with them is lost: they count as errors here.
    page.on('console', (m) => {
      if (m.type() === 'error' || (m.type() === 'warning' && /WGSL|Invalid|binding/.test(m.text())))
        errors.push(m.text());
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('kernels page: the Vite server has no local URL');
    await page.goto(url);
    await page.waitForFunction(() => 'kernelChecks' in globalThis, null, { timeout: 120_000 });
    const report = await page.evaluate(() =>
      (globalThis as unknown as { kernelChecks: () => Promise<KernelPageReport> }).kernelChecks(),
    );
    // The measured numbers, for docs/benchmarks.md and the issue.
    console.log(
      JSON.stringify({ dispatches: report.dispatches, adamAgreement: report.adamAgreement }, null, 2),
    );
    // A WGSL error leaves the output buffer unwritten (stale pool memory may even look right): first of all.
    expect(errors).toEqual([]);
    expect(report.backend).toBe('webgpu');
    for (const r of report.results) expect(r.ok, `${r.name}: ${r.detail}`).toBe(true);
    expect(report.results.length).toBeGreaterThan(20);
    expect(report.tensorsAfter).toBe(report.tensorsBefore);
    expect(report.adamAgreement).toBeLessThan(1e-6);
    const d = report.dispatches;
    expect(d['adam step, fused (3 variables)']).toBe(6);
    expect(d['divergence watch, fused']).toBe(1);
    expect(d['taskLossAndGrad, fused']).toBe(2);
    expect(d['activation gradient (relu), fused']).toBe(1);
    // Forward, losses, backward, G and the two task tensors' gradients.
    expect(d['dense chain gradients, fused']).toBe(6);
    expect(d['dense chain gradients, composed']).toBeGreaterThan(15);
    expect(d['adam step, unfused (3 variables)']).toBeGreaterThan(6);
    expect(d['divergence watch, unfused']).toBeGreaterThan(1);
    // Reductions over an empty axis answer as on the CPU (stock WebGPU threw creating a NaN-byte buffer),
    // so independent nets (an empty θ) train on WebGPU.
    expect(report.empty).toEqual([
      [2, 3, 0, 0, 0, 0, 0, 0],
      [3, 0, 0, 0],
      [1, 2, 2, 0, 0, 0, 0],
    ]);
    expect(report.independentLosses).toHaveLength(2);
    for (const loss of report.independentLosses) expect(Number.isFinite(loss) && loss > 0).toBe(true);
    // The worker's warm-up compiles every pipeline a run then uses, the grid prediction's included.
    expect(report.warmUp.compiled).toBeGreaterThan(0);
    expect(report.warmUp.addedByRun).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
