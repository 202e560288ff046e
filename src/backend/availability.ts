/**
 * Whether a tfjs backend can start in this browser, asked without starting it. Switching backends drops
 * the trained model (its tensors live on the old backend), so the app asks this first and keeps the run
 * when the answer is no. Plain feature checks, no tfjs: the page calls it too, and must not load tfjs for it.
 * The worker's own initialisation (browser.ts) uses the same WebGPU check, so both say the same thing.
 */
import type { BackendName } from './names';

export interface GpuAdapter {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string };
}

interface WebGlLike {
  getExtension?(name: 'WEBGL_lose_context'): { loseContext(): void } | null;
}

/** The globals the checks read; `globalThis` in the browser, a stand-in in tests. */
export interface BrowserFeatures {
  navigator?: { gpu?: { requestAdapter(): Promise<GpuAdapter | null> } };
  OffscreenCanvas?: new (width: number, height: number) => { getContext(kind: string): unknown };
  WebAssembly?: unknown;
}

/** A WebGPU adapter, or why there is none (a phrase that follows "WebGPU is not available: "). */
export async function findGpuAdapter(
  features: BrowserFeatures = globalThis,
): Promise<{ adapter: GpuAdapter } | { reason: string }> {
  const gpu = features.navigator?.gpu;
  if (!gpu) return { reason: 'this browser does not expose it (navigator.gpu is undefined)' };
  // tfjs would fail on a null adapter with "cannot read properties of null": say what it means.
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter)
    return { reason: 'no GPU adapter (requestAdapter() returned null; the GPU may be blocklisted)' };
  return { adapter };
}

/** Why `backend` cannot start here (a phrase), or null when it can be tried. */
export async function backendUnavailable(
  backend: BackendName,
  features: BrowserFeatures = globalThis,
): Promise<string | null> {
  switch (backend) {
    case 'webgpu': {
      const found = await findGpuAdapter(features);
      return 'reason' in found ? found.reason : null;
    }
    case 'webgl': {
      // tfjs draws on an OffscreenCanvas in the worker: the same check answers for the page and the worker.
      const Canvas = features.OffscreenCanvas;
      if (!Canvas) return 'this browser has no OffscreenCanvas to draw on';
      try {
        const canvas = new Canvas(1, 1);
        const context = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGlLike | null;
        if (context) {
          // Free it now: browsers cap live WebGL contexts and warn in the console past the cap.
          context.getExtension?.('WEBGL_lose_context')?.loseContext();
          return null;
        }
      } catch {
        // Counted as no context below.
      }
      return 'no WebGL context could be created (WebGL may be turned off or the GPU blocklisted)';
    }
    case 'wasm':
      return typeof features.WebAssembly === 'object' ? null : 'this browser has no WebAssembly';
    case 'cpu':
      return null;
  }
}
